"""Which host the harness may talk to.

Load is only ever sent to the base URL given on the command line, and by default only when that URL is a
loopback address: a benchmark must not put load on a machine it was not meant for.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit, urlunsplit


class TargetRefused(ValueError):
    """The base URL is not acceptable as a benchmark target."""


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise TargetRefused(f"cannot resolve host '{host}': {exc}") from exc
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def check_target(base_url: str, allow_remote: bool) -> str:
    """``base_url`` without a trailing slash; :class:`TargetRefused` unless it is an http(s) URL on a
    loopback host (any host with ``allow_remote``)."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefused(f"base URL must be an http(s) URL with a host, not '{base_url}'")
    if parts.query or parts.fragment:
        raise TargetRefused(f"base URL must not carry a query or a fragment: '{base_url}'")
    if not allow_remote and not _is_loopback(parts.hostname):
        raise TargetRefused(
            f"'{parts.hostname}' is not a loopback address; pass --allow-remote to load another machine"
        )
    return base_url.rstrip("/")


def rebase(link: str, base_url: str) -> str:
    """``link`` (a server-provided absolute URL, e.g. a ``next`` page) moved onto the origin of ``base_url``.

    A server behind a proxy may advertise another host in its links; the harness keeps talking to the
    host it was given, never to one read from a response.
    """
    base, target = urlsplit(base_url), urlsplit(urljoin(base_url + "/", link))
    return urlunsplit((base.scheme, base.netloc, target.path, target.query, ""))
