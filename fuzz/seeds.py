#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/*) and dictionaries
(fuzz/*.dict) from the route table's paths and our JSON field names.
Run from the repository root after adding routes or fields; commit the
result. Ids are those of the harness's seeded database (fair 1, exhibitor 1
owned by the exhibitor caller, importer 1 by the importer caller)."""
import json, os, re, glob, hashlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz")

routes = set()
for f in glob.glob(os.path.join(ROOT, "server/api/*.cpp")):
    routes |= set(re.findall(r'"(GET|POST|PUT|PATCH|DELETE)",\s*"(/[^"]*)"', open(f).read()))
routes = sorted(routes)
# JSON field and query parameter names as the handlers read them.
fields = set()
for f in glob.glob(os.path.join(ROOT, "server/api/*.cpp")):
    text = open(f).read()
    fields |= set(re.findall(r'\.[a-z_]+\("([a-z_0-9]+)"', text))
    fields |= set(re.findall(r'\{"([a-z_][a-z_0-9]*)",', text))
fields = sorted(fields)

BODIES = {
    "/api/v1/fairs": {"name_vi": "Hội chợ", "name_en": "Fair", "venue": "Cung Văn hóa", "city": "Hà Nội",
                      "start_date": "2026-12-10", "end_date": "2026-12-13"},
    "/api/v1/exhibitors": {"fair_id": 1, "name": "HTX Mây tre đan Phú Vinh", "tax_code": "0500123456",
                           "province": "ha-noi", "categories": ["basketry.rattan"], "certifications": ["FSC"],
                           "price_tier": "mid", "languages": ["vi", "en"], "export_markets": ["JP"], "moq": 300},
    "/api/v1/importers": {"fair_id": 1, "name": "Maison Lumière", "country": "FR", "buyer_type": "retailer",
                          "categories": ["ceramics.tableware"], "annual_budget": {"amount": 50000, "currency": "USD"}},
    "/api/v1/exhibitors/{id}/products": {"name_vi": "Giỏ mây", "name_en": "Rattan basket", "category": "basketry.rattan",
                                         "moq": 100, "fob_price_min": {"amount": 300, "currency": "USD"}},
    "/api/v1/auth/login": {"email": "organizer@fuzz.example", "password": "wrong-password-123"},
    "/api/v1/auth/register": {"email": "new@fuzz.example", "password": "a-long-pass-phrase", "role": "exhibitor",
                              "display_name": "New"},
    "/api/v1/me/meeting-requests": {"fair_id": 1, "counterpart_id": 2, "priority": "must_meet", "message": "xin chào"},
    "/api/v1/fairs/{fair}/halls": {"name": "Hall A", "width": 40, "height": 20},
    "/api/v1/fairs/{fair}/booths": {"hall_id": 1, "code": "A-1", "x": 0, "y": 0, "w": 3, "h": 3, "price": {"amount": 1000, "currency": "USD"}},
    "/api/v1/fairs/{fair}/deals": {"exhibitor_id": 1, "importer_id": 1, "status": "in_negotiation",
                                   "value": {"amount": 100000, "currency": "USD"}},
    "/api/v1/fairs/{fair}/check-ins": {"badge_code": "X1"},
    "/api/v1/fairs/{fair}/schedule-runs": {"seed": 1, "seconds": 1},
    "/api/v1/fairs/{fair}/grid": {"days": [{"date": "2026-12-03", "sessions": [{"start": "09:00", "end": "12:00"}]}],
                                  "slot_minutes": 30, "pause_minutes": 0, "tables": 10},
}
CALLER = {"/api/v1/me": 2, "/api/v1/exhibitors": 2, "/api/v1/importers": 3}

def caller_for(method, path):
    if path.startswith("/api/v1/me/meeting-requests") or path.startswith("/api/v1/me/schedule"):
        return 3
    if "/products" in path or "/booths/{booth}/hold" in path or "/booths/{booth}/confirm" in path:
        return 2
    if path.startswith("/api/v1/auth/"):
        return 0
    return 1

def request(method, target, body=None, extra=""):
    head = f"{method} {target} HTTP/1.1\r\nHost: fuzz\r\n{extra}"
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        return head.encode() + b"\r\n" + data
    return (head + "\r\n").encode()

def write(kind, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(OUT, "corpus", kind, name), "wb") as f:
        f.write(data)

for d in ("http", "csv_import", "dzn"):
    os.makedirs(os.path.join(OUT, "corpus", d), exist_ok=True)
    for old in glob.glob(os.path.join(OUT, "corpus", d, "*")):
        os.remove(old)

for method, path in routes:
    target = (path.replace("{fair}", "1").replace("{id}", "1").replace("{kind}", "exhibitors")
              .replace("{file}", "x.ics").replace("{run}", "1").replace("{booth}", "1").replace("{deal}", "1")
              .replace("{user}", "1").replace("{session}", "1").replace("{token}", "1")
              .replace("{exhibitor}", "1").replace("{request}", "1").replace("{meeting}", "1"))
    if method in ("POST", "PUT", "PATCH"):
        body = BODIES.get(path, {})
        write("http", bytes([caller_for(method, path)]) + request(method, target, body))
    else:
        q = "?q=b%C3%A1t+tr%C3%A0ng&limit=5&offset=0" if method == "GET" else ""
        write("http", bytes([caller_for(method, path)]) + request(method, target + q))
# Protocol corners: pipelining, chunked bodies, cookies and CSRF, percent escapes.
write("http", b"\x01" + request("GET", "/api/v1/fairs/1") + request("GET", "/healthz", extra="Connection: close\r\n"))
write("http", b"\x01POST /api/v1/fairs HTTP/1.1\r\nHost: f\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
      b"5\r\n{\"nam\r\n3\r\ne\":1\r\n1\r\n}\r\n0\r\n\r\n")
write("http", b"\x00" + request("POST", "/api/v1/auth/logout", extra="Cookie: fm_session=abc\r\nX-CSRF-Token: x\r\n"))
write("http", b"\x00" + request("GET", "/api/v1/exhibitors?fair=1&category=ceramics&province=ha-noi&sort=name&q=%E1%BB%93"))
write("http", b"\x01" + request("GET", "/api/v1/fairs/1/match?exhibitor=1&importer=1"))

CSV = {
    0: "email,name,tax_code,province,categories,languages,moq\r\n"
       "a@x.vn,HTX Gốm Bát Tràng,0100000001,ha-noi,ceramics.tableware;ceramics.decor,vi;en,200\r\n"
       "\"b@x.vn\",\"Làng \"\"nghề\"\" Vạn Phúc\",0100000002,ha-noi,textiles.silk,vi,abc\r\n",
    1: "email;name;country;buyer_type;categories;annual_budget_amount;annual_budget_currency\n"
       "buyer@x.fr;Maison;FR;retailer;ceramics.tableware;50000;EUR\n"
       "bad;;ZZ;;;x;\n",
}
for k, text in CSV.items():
    write("csv_import", bytes([k]) + text.encode())
write("csv_import", b"\x00\xef\xbb\xbfemail,name\r\n\"multi\r\nline\",x\r\n")
write("csv_import", b"\x01email,name,unknown\n")

for f in sorted(glob.glob("/work/shared/benchmarks/b2b-jair/tic-12.original.dzn"))[:1]:
    write("dzn", open(f, "rb").read())
write("dzn", b"% tiny\nnBusiness = 3;\nnMeetings = 2;\nnTables = 1;\nnTotalSlots = 4;\nnMorningSlots = 2;\n"
             b"requested = [| 1, 2, 3 | 2, 3, 1 |];\nforbidden = [{0}, {1..2}, {}];\nfixed = [0, 3];\n"
             b"precedences = [{}, {1}];\n")

def dict_file(name, words):
    with open(os.path.join(OUT, name + ".dict"), "w") as f:
        f.write(f"# libFuzzer dictionary for fuzz_{name} (generated by fuzz/seeds.py)\n")
        for w in sorted(set(words)):
            esc = "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else "\\x%02x" % b for b in w.encode())
            f.write('"' + esc + '"\n')

http_words = [p for _, p in routes] + [seg for _, p in routes for seg in p.split("/") if seg] + fields
http_words += ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", " HTTP/1.1\r\n", "HTTP/1.0", "\r\n\r\n",
               "Content-Length: ", "Transfer-Encoding: chunked\r\n", "Content-Type: application/json\r\n",
               "Content-Type: text/csv\r\n", "Content-Type: image/jpeg\r\n", "Connection: close\r\n",
               "Expect: 100-continue\r\n", "Cookie: fm_session=", "X-CSRF-Token: ", "Authorization: Bearer ",
               "fuzz-organizer-token-0123456789abcdefghijklmnop", "If-None-Match: ", "Upgrade: websocket\r\n",
               "%00", "%2F", "%E1%BB%93", "?", "&", "=", "{}", "[]", "null", "true", "false", "-1",
               "9223372036854775807", "1e308", "\\u0000", "\"", ":", ",", "2026-12-03", "09:00", "USD", "VND"]
dict_file("http", http_words)
dict_file("csv_import", fields + [",", ";", "\"", "\"\"", "\r\n", "\n", "\ufeff", "@", "USD", "VND",
                                   "ceramics.tableware", "ha-noi", "vi", "en", "FR"])
dict_file("dzn", ["nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots", "requested", "forbidden",
                  "fixed", "precedences", "meetingsxBusiness", "nMeetingsBusiness", "=", ";", "[|", "|]", "|",
                  "{", "}", "..", "[", "]", ",", "%", "{0}", "2147483647", "-1"])
