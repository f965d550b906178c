"""Helpers for tests that publish pages."""


def published(page):
    """The page published as an editor publishes it (a revision, then publishing it, which
    sends Wagtail's signals), read back from the database."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
