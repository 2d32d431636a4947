"""Sample actors and dates shared by the graph tests (network, SPARQL), built by hand."""

from __future__ import annotations

import datetime as dt

from kgraph.model import Actor

ID = "https://w3id.org/kgraph/id/"
TR = Actor(id=ID + "country/tr", label="Türkiye", type="Country", names=("Turkey",), iso_code="TR")
RU = Actor(id=ID + "country/ru", label="Russia", type="Country", iso_code="RU")
US = Actor(id=ID + "country/us", label="United States", type="Country", iso_code="US")
ERDOGAN = Actor(
    id=ID + "person/recep-tayyip-erdogan",
    label="Recep Tayyip Erdoğan",
    type="Person",
    names=("Erdoğan",),
)
KK = Actor(
    id=ID + "person/kemal-kilicdaroglu",
    label="Kemal Kılıçdaroğlu",
    type="Person",
    names=("Kılıçdaroğlu",),
)
PESKOV = Actor(id=ID + "person/dmitry-peskov", label="Dmitry Peskov", type="Person")
KREMLIN = Actor(id=ID + "government-body/kremlin", label="Kremlin", type="GovernmentBody")
NATION = Actor(id=ID + "alliance/nation-alliance", label="Nation Alliance", type="Alliance")
INTERFERENCE = Actor(id=ID + "topic/interference", label="interference", type="Topic")
D11, D12, D13 = dt.date(2023, 5, 11), dt.date(2023, 5, 12), dt.date(2023, 5, 13)
