"""Reading pages the way a visitor (or a screen reader) meets them, for the rendering tests."""

from bs4 import BeautifulSoup

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def get_html(client, page_or_url, status=200) -> BeautifulSoup:
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def heading_levels(soup) -> list[int]:
    return [int(heading.name[1]) for heading in soup.find_all(HEADINGS)]


def assert_one_h1_and_no_heading_gaps(soup):
    levels = heading_levels(soup)
    assert levels[0] == 1
    assert levels.count(1) == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading level jumps from h{previous} to h{current}"


def facts(soup) -> dict[str, str]:
    """The key facts list of an event or project ("Auf einen Blick", "Steckbrief") as {term: text}."""
    dl = soup.find("section", class_="facts").dl
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in dl("dt")}


def section(soup, heading_id):
    return soup.find("section", attrs={"aria-labelledby": heading_id})
