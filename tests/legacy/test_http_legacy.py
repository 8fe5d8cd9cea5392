"""The legacy web services through HTTP, over each store (the store-backed OfferSource)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import httpx
import pytest
from lxml import etree

from mappings.versions import CsdVersion
from server.cli import main
from server.demo import demo_resources
from tests.conftest import running_app
from tests.legacy.schemas import errors
from tests.legacy.soap_requests import lecture_etablissement, payload

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "legacy-xml" / "samples" / \
    "platines-schematron-plugin-tests" / "reponse.xml"


@pytest.fixture
async def loaded(client: httpx.AsyncClient) -> httpx.AsyncClient:
    for resource in demo_resources():
        response = await client.put(f"/{resource['resourceType']}/{resource['id']}", json=resource,
                                    headers={"Content-Type": "application/fhir+json"})
        assert response.status_code == 201, response.text
    return client


@pytest.mark.parametrize("version", ["2.4", "3.0"])
async def test_wsdl_points_back_at_this_server(client: httpx.AsyncClient, version: str) -> None:
    response = await client.get(f"/csd/{version}", params={"wsdl": ""})
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    locations = [e.get("location") for e in tree.iter("{http://schemas.xmlsoap.org/wsdl/soap12/}address")]
    assert locations and all(loc == f"http://test/csd/{version}" for loc in locations)
    schema = await client.get(f"/csd/{version}", params={"xsd": ""})
    assert schema.status_code == 200 and b"schema" in schema.content[:2000]
    unknown = await client.get("/csd/9.9", params={"wsdl": ""})
    assert unknown.status_code == 404


@pytest.mark.parametrize("version", ["2.4", "3.0"])
async def test_soap_lecture_etablissement_validates_against_the_xsd(loaded: httpx.AsyncClient, version: str) -> None:
    response = await loaded.post(f"/csd/{version}", content=lecture_etablissement("1440000057"),
                                 headers={"Content-Type": "application/soap+xml"})
    assert response.status_code == 200, response.text
    answer = payload(response.content)
    assert errors(CsdVersion.parse(version), answer) == []
    assert b"1440000057" in response.content
    assert b"Cardiologie" in response.content or b"cardiologie" in response.content


async def test_soap_unknown_establishment_and_hostile_request(loaded: httpx.AsyncClient) -> None:
    missing = await loaded.post("/csd/2.4", content=lecture_etablissement("1999999999"),
                                headers={"Content-Type": "application/soap+xml"})
    assert missing.status_code == 200
    assert b"error" in missing.content
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>'
    refused = await loaded.post("/csd/2.4", content=hostile, headers={"Content-Type": "application/soap+xml"})
    assert refused.status_code == 400
    assert b"passwd" not in refused.content.replace(b"file:///etc/passwd", b"")


async def test_extraction_zip_is_streamed_with_checksums(loaded: httpx.AsyncClient) -> None:
    response = await loaded.get("/csd/2.4/extraction/ExtractionOffresSante_Profil0")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    xml_names = [n for n in archive.namelist() if n.endswith(".xml")]
    assert xml_names
    for name in xml_names:
        content = archive.read(name)
        digest = archive.read(name[:-4] + ".txt").decode().split()[0]
        assert digest == hashlib.sha256(content).hexdigest()
        assert errors(CsdVersion.parse("2.4"), etree.fromstring(content)) == []
    forbidden = await loaded.get("/csd/2.4/extraction/ExtractionOffresSante_Profil1")
    assert forbidden.status_code == 403
    assert forbidden.json()["issue"][0]["code"] == "forbidden"


def test_import_legacy_sample_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "legacy.db")
    rejects = tmp_path / "rejects.ndjson"
    assert main(["import-legacy", str(SAMPLE), "--db", db, "--rejects", str(rejects)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert "SA07" in rejects.read_text()
    assert first["rejected"] == 0 and sum(first["created"].values()) > 0
    assert main(["import-legacy", str(SAMPLE), "--db", db, "--rejects", str(rejects)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["created"] == {} and again["updated"] == {}
    assert again["unchanged"] == first["created"]
    assert first["warnings"] >= 1  # the 2.4 sample carries a category code (SA07) outside JDV J55
    out = tmp_path / "extract"
    assert main(["extract", "--db", db, "--version", "2.4", "--out", str(out)]) == 0
    zips = list(out.glob("*.zip"))
    assert len(zips) == 1 and zipfile.ZipFile(zips[0]).namelist()


@pytest.mark.parametrize("version", ["2.4", "3.0"])
async def test_extraction_of_generated_data_validates(tmp_path: Path, version: str) -> None:
    """On the embedded store only: the documents depend on the mapping, not on the store (both stores give the
    same answers: tests/store/test_search_equivalence.py), and FerretDB scans make this data set slow there."""
    from server.generate import LOAD_ORDER, generate
    from server.store.sqlite.store import SqliteStore

    generate(0.0003, 11, tmp_path)
    store = SqliteStore(tmp_path / "generated.db")
    await store.open()
    try:
        async with running_app("sqlite", store) as client:
            for resource_type in LOAD_ORDER:
                for line in (tmp_path / f"{resource_type}.ndjson").read_text().splitlines():
                    resource = json.loads(line)
                    response = await client.put(f"/{resource_type}/{resource['id']}", json=resource,
                                                headers={"Content-Type": "application/fhir+json"})
                    assert response.status_code == 201, response.text
            response = await client.get(f"/csd/{version}/extraction/ExtractionOffresSante_Profil0")
    finally:
        await store.close()
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    documents = [n for n in archive.namelist() if n.endswith(".xml")]
    assert documents
    for name in documents:
        assert errors(CsdVersion.parse(version), etree.fromstring(archive.read(name))) == []
