"""The streamed extraction zip: XML + SHA-256 entries, schema-valid, filtered by profile."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import UTC, datetime

import pytest
from lxml import etree

from mappings.extraction import extraction_name, extraction_zip
from mappings.profiles import AccessProfile
from mappings.versions import CsdVersion
from server.errors import FhirError, NotFound
from tests.legacy.graph_data import eg
from tests.legacy.memory_source import MemorySource
from tests.legacy.schemas import errors
from tests.legacy.soap_requests import NS

WHEN = datetime(2026, 1, 15, 8, 30, tzinfo=UTC)


async def extract(
    source: MemorySource, version: CsdVersion, profile: int, batch_size: int
) -> tuple[list[bytes], zipfile.ZipFile]:
    chunks = [c async for c in extraction_zip(version, profile, source, batch_size=batch_size, when=WHEN)]
    return chunks, zipfile.ZipFile(io.BytesIO(b"".join(chunks)))


@pytest.mark.parametrize("version", list(CsdVersion))
async def test_one_file_per_batch_with_its_hash(source: MemorySource, version: CsdVersion) -> None:
    chunks, archive = await extract(source, version, 1, batch_size=1)
    prefix = "ExtractionOffresSante_Profil1_202601150830"
    assert archive.namelist() == [
        f"{prefix}_0001.xml",
        f"{prefix}_0001.txt",
        f"{prefix}_0002.xml",
        f"{prefix}_0002.txt",
    ]
    assert len([c for c in chunks if c]) >= 3
    for name in archive.namelist()[::2]:
        data = archive.read(name)
        assert archive.read(name.replace(".xml", ".txt")).decode() == hashlib.sha256(data).hexdigest()
        document = etree.fromstring(data)
        assert etree.QName(document).localname == "CSD"
        assert errors(version, document) == []
    first = etree.fromstring(archive.read(f"{prefix}_0001.xml"))
    assert first.xpath("//csd:organizationDirectory/*/@entityID", namespaces=NS) == [
        "Organization/ej1",
        "Organization/eg1",
    ]
    assert len(first.xpath("//csd:facilityDirectory/*", namespaces=NS)) == 5


async def test_batches_group_establishments(resources: list[dict]) -> None:
    resources += [eg(f"eg{n}", f"19200001{n:02d}") for n in range(3, 7)]
    _, archive = await extract(MemorySource(resources), CsdVersion.V3_0, 1, batch_size=4)
    assert [n for n in archive.namelist() if n.endswith(".xml")] == [
        "ExtractionOffresSante_Profil1_202601150830_0001.xml",
        "ExtractionOffresSante_Profil1_202601150830_0002.xml",
    ]
    second = etree.fromstring(archive.read("ExtractionOffresSante_Profil1_202601150830_0002.xml"))
    assert len(second.xpath("//csd:organizationDirectory/csd:organization[csd:parent]", namespaces=NS)) == 2


async def test_profile_filter_applies(source: MemorySource) -> None:
    _, archive = await extract(source, CsdVersion.V2_4, 0, batch_size=10)
    data = archive.read("ExtractionOffresSante_Profil0_202601150830_0001.xml")
    assert b"06 00 00 00 99" not in data
    assert b"dropZone" not in data
    assert b"accueil@eg.fr" in data


async def test_empty_directory_still_yields_a_valid_zip() -> None:
    _, archive = await extract(MemorySource([]), CsdVersion.V3_0, 2, batch_size=10)
    document = etree.fromstring(archive.read("ExtractionOffresSante_Profil2_202601150830_0001.xml"))
    assert errors(CsdVersion.V3_0, document) == []


def test_extraction_name() -> None:
    assert extraction_name(AccessProfile.COORDINATION, WHEN) == "ExtractionOffresSante_Profil2_202601150830"


@pytest.mark.parametrize(("version", "profile"), [("9.9", 1), ("3.0", 4), ("3.0", "x")])
def test_unknown_version_or_profile_fails_before_streaming(source: MemorySource, version: str, profile: object) -> None:
    with pytest.raises(NotFound):
        extraction_zip(version, profile, source)  # type: ignore[arg-type]
    assert source.searches == []


async def test_extraction_deadline(source: MemorySource) -> None:
    """RG_ALIM_024: an extraction running past its deadline stops with a 504."""
    with pytest.raises(FhirError) as late:
        _ = [chunk async for chunk in extraction_zip(CsdVersion.V3_0, 1, source, deadline=-1)]
    assert late.value.status == 504
