"""Driving Chromium as a person does, shared by the browser tests."""

from __future__ import annotations


def click(page, locator) -> None:
    """A real mouse click in the middle of what the person sees."""
    locator.scroll_into_view_if_needed()
    box, previous = locator.bounding_box(), None
    while box != previous:  # wait out smooth scrolling before aiming
        page.wait_for_timeout(50)
        previous, box = box, locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
