"""Reports, exports and batch import."""

from __future__ import annotations

from django.urls import path

from factcheck.views import exports

article_urls = [
    path("<int:pk>/export/<str:fmt>/", exports.article_export, name="article_export"),
    path("<int:pk>/export/pdf/background/", exports.pdf_background, name="pdf_background"),
]

urlpatterns = [
    path("", exports.export_page, name="export_page"),
    path("download/<str:fmt>/", exports.export_download, name="export_download"),
    path("import/", exports.batch_import, name="batch_import"),
]
