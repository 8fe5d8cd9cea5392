"""``TR-RécupérationExtraction``: the whole offer as a zip of CSD files, streamed with bounded memory.

Establishments are read in batches; each batch becomes one ``CSD`` document (``…_NNNN.xml``) followed by a
sibling ``…_NNNN.txt`` holding its SHA-256 in hex (legacy-xml §2.5). Content is filtered for the access
profile of the extraction (RG_ALIM_050..053). The zip is written to a write-only sink drained after every
entry, so memory holds at most one batch.
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from mappings.csd.codes import CodeMapper
from mappings.csd.document import build_csd, now_xs
from mappings.graph import OfferGraph
from mappings.oids import OidForSystem, SystemForOid
from mappings.profiles import AccessProfile, redact
from mappings.rules import EXTRACTION_DEADLINE
from mappings.source import OfferSource, iter_establishments, load_establishment
from mappings.versions import CsdVersion
from server.errors import FhirError

Resource = dict[str, Any]

DEFAULT_BATCH = 50
"""Establishments per XML file: keeps each file far below the 103 MB accepted by the consumers."""


def extraction_name(profile: AccessProfile, when: datetime) -> str:
    """``ExtractionOffresSante_Profil<N>_<yyyyMMddHHmm>`` (the zip is this name + ``.zip``)."""
    return f"ExtractionOffresSante_Profil{int(profile)}_{when.strftime('%Y%m%d%H%M')}"


class _Sink:
    """Write-only file object for :class:`zipfile.ZipFile` (which then writes data descriptors)."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing buffered beyond the chunks handed out by :meth:`drain`."""

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def extraction_zip(
    version: str | CsdVersion,
    profile: int | str | AccessProfile,
    source: OfferSource,
    *,
    oid_for_system: OidForSystem | None = None,
    system_for_oid: SystemForOid | None = None,
    batch_size: int = DEFAULT_BATCH,
    when: datetime | None = None,
    deadline: float = EXTRACTION_DEADLINE,
) -> AsyncIterator[bytes]:
    """The zip, chunk by chunk (``async for chunk in extraction_zip(...)``).

    Version and profile are checked now (``NotFound``), before any byte is produced. ``profile`` must be one
    the caller was granted (the server checks it). Entry names use ``when`` (default: now), as
    :func:`extraction_name` does for the zip itself. An extraction running past ``deadline`` seconds stops
    with ``FhirError`` 504 (RG_ALIM_024)."""
    exchange = CsdVersion.parse(version)
    access = AccessProfile.parse(profile)
    codes = CodeMapper.of(oid_for_system, system_for_oid)
    prefix = extraction_name(access, when or datetime.now(UTC))
    return _stream(source, exchange, access, codes, prefix, batch_size, deadline)


async def _stream(
    source: OfferSource,
    version: CsdVersion,
    profile: AccessProfile,
    codes: CodeMapper,
    prefix: str,
    batch_size: int,
    deadline: float,
) -> AsyncIterator[bytes]:
    started = time.monotonic()
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[call-overload]
        number = 0
        async for batch in _batches(iter_establishments(source), batch_size):
            number += 1
            graph = OfferGraph()
            for establishment in batch:
                for resource in (await load_establishment(source, establishment)).resources():
                    graph.add(resource)
            data = etree.tostring(
                build_csd(redact(graph, profile), version, codes, now_xs()), xml_declaration=True, encoding="UTF-8"
            )
            archive.writestr(f"{prefix}_{number:04d}.xml", data)
            archive.writestr(f"{prefix}_{number:04d}.txt", hashlib.sha256(data).hexdigest())
            if time.monotonic() - started > deadline:
                raise FhirError(f"Délai d'extraction dépassé ({deadline:g} s)", status=504, code="timeout")
            yield sink.drain()
    yield sink.drain()


async def _batches(items: AsyncIterator[Resource], size: int) -> AsyncIterator[list[Resource]]:
    """Lists of ``size`` items; at least one (possibly empty) list, so an empty directory still gets a file."""
    batch: list[Resource] = []
    produced = False
    async for item in items:
        batch.append(item)
        if len(batch) >= size:
            produced = True
            yield batch
            batch = []
    if batch or not produced:
        yield batch
