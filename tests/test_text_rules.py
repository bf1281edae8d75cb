"""Unit tests of the ordering, presence and mode rules added after the first held-out evaluation."""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # an explicit journey start comes first, even when another country was 'left' earlier in the text
    ("Hij vloog van Istanbul naar Sofia. Voordien woonde hij in Turkije; zijn reis begon in Irak.", "IRQ>TUR>BGR"),
    ("From Tehran she flew to Istanbul. Her journey started in Kabul.", "AFG>IRN>TUR"),
    # 'voordat ik in X kwam, was ik in Y' / 'before X ... Y': Y before X
    ("Ik ging naar Soedan. In Libie werd ik vastgehouden. Voordat ik in Libie kwam, was ik in Tsjaad.", "SDN>TCD>LBY"),
    ("He came to Germany by bus. Before Germany he had been in Austria, and before that in Hungary.",
     "HUN>AUT>DEU"),
    # a past-perfect sentence after a 'before' sentence continues the flashback
    ("He arrived in Italy by boat. Before that he had been in Libya. He had crossed Niger by truck.", "NER>LBY>ITA"),
    # a leg told later repairs an order told backwards
    ("Voordat ik naar Nederland kwam, was ik in Duitsland. Daarvoor was ik in Oostenrijk. Ik ben uit Syrie "
     "gevlucht naar Libanon. Van Libanon ben ik in een vrachtwagen naar Oostenrijk gebracht.", "SYR>LBN>AUT>DEU>NLD"),
    # a Dutch place in a procedural sentence (found by the police) shows the person reached NL
    ("Op 3 mei troffen wij de man aan op het station te Venlo. Hij verklaarde met de trein uit Keulen te zijn gekomen.",
     "DEU>NLD"),
    # a birthplace alone is no route, even with NL named
    ("Betrokkene is geboren in Asmara, Eritrea. Hij wil niets verklaren over de reis naar Nederland.", ""),
    # an abroad note: NL as intention is not reached, the place of the note ends the route
    ("Liaison officer message: the man was refused boarding in Nairobi with a forged Dutch passport. He had come "
     "from Mogadishu by bus and wanted to fly to Amsterdam.", "SOM>KEN"),
    ("Debriefing note, Lampedusa hotspot: he left Guinea and went through Mali to Tunisia.", "GIN>MLI>TUN>ITA"),
    # a country name used as a document adjective is no place
    ("Hij reisde met een vals Nederlands paspoort van Turkije naar Griekenland.", "TUR>GRC"),
    # a demonym is not a misspelt country
    ("The applicant is an Eritrean national. She flew from Addis Ababa to Cairo.", "ETH>EGY"),
])
def test_order_and_presence_rules(text, expected):
    assert route(text) == expected
