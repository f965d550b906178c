from decimal import Decimal

from events.models import Venue


def test_a_venue_with_coordinates_links_to_its_pin_on_the_map():
    venue = Venue(name="codeks", latitude=Decimal("51.256213"), longitude=Decimal("7.150764"))

    assert venue.map_url == (
        "https://www.openstreetmap.org/?mlat=51.256213&mlon=7.150764#map=17/51.256213/7.150764"
    )


def test_a_venue_without_coordinates_links_to_a_search_for_its_address():
    venue = Venue(name="codeks", street="Hofaue 63", postal_code="42103", city="Wuppertal")

    assert venue.map_url == "https://www.openstreetmap.org/search?query=Hofaue+63%2C+42103+Wuppertal"


def test_a_venue_without_address_or_coordinates_has_no_map_link():
    assert Venue(name="Online", city="").map_url == ""
