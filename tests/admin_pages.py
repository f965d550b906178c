"""Reading the admin the way an editor meets it: the sidebar, page listings and their filters,
panels on the dashboard and in the page editor."""

import json

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_soup(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sidebar_links(soup) -> dict[str, str]:
    """{label: url} of every link in the sidebar menu, submenus included."""
    props = json.loads(soup.find("script", id="wagtail-sidebar-props").string)
    links = {}

    def visit(node):
        if isinstance(node, dict):
            if "label" in node and "url" in node:
                links[node["label"]] = node["url"]
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(props)
    return links


def _column_headings(table) -> list[str]:
    # A sortable column's heading is its sort link; the title's also counts the rows.
    return [(th.find("a") or th).get_text(" ", strip=True) for th in table.thead.find_all("th")]


def listing_headings(soup) -> list[str]:
    """The column headings of a page listing, without the unlabelled checkbox column."""
    return [heading for heading in _column_headings(soup.select_one("table.listing")) if heading]


def listing_rows(soup) -> list[dict[str, str]]:
    """The rows of a page listing as {column heading: cell text}; the title without its menu."""
    table = soup.select_one("table.listing")
    headings = _column_headings(table)
    rows = []
    for tr in table.tbody.find_all("tr"):
        cells = {}
        for heading, td in zip(headings, tr.find_all("td"), strict=False):
            title = td.select_one("[id$='_title']")
            cells[heading] = (title or td).get_text(" ", strip=True)
        rows.append(cells)
    return rows


def filter_options(soup, label) -> list[str]:
    """The choices the listing's filter `label` offers."""
    field_label = soup.find(
        "label", class_="w-field__label", string=lambda text: text and text.strip() == label
    )
    wrapper = field_label.find_parent(attrs={"data-field-wrapper": True})
    return [option.get_text(" ", strip=True) for option in wrapper.select("[data-field-input] label")]


def header_button(soup, label):
    """The link in the page header that reads `label`."""
    [button] = [link for link in soup.find("header").find_all("a") if link.get_text(" ", strip=True) == label]
    return button


def panel(soup, heading):
    """The panel (a section with its heading) that `heading` names."""
    heading_tag = soup.find(attrs={"data-panel-heading-text": True}, string=lambda text: text == heading)
    return heading_tag.find_parent("section")


def queries_to_open(client, url) -> int:
    """How many database queries the admin page at `url` costs, which must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
