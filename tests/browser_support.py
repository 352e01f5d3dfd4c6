"""Driving Chromium as a person does, shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import expect


def click(page, locator) -> None:
    """A real mouse click in the middle of what the person sees."""
    locator.scroll_into_view_if_needed()
    box, previous = locator.bounding_box(), None
    while box != previous:  # wait out smooth scrolling before aiming
        page.wait_for_timeout(50)
        previous, box = box, locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def settled(page) -> None:
    """Wait until htmx has swapped in what it fetched and wired it up. New content sits in the
    page for htmx's settle delay (20 ms) before its own hx- attributes listen: a person never
    types that fast, a test does."""
    busy = page.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")
    expect(busy).to_have_count(0)
