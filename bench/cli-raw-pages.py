"""The reference for bench/cli-all-pages.sh: every page of /system/groups over one kept-alive
connection (http.client), each page parsed for its next_page_token and written out as it came.
Usage: GLOW_INSTANCE_URL=... GLOW_TOKEN=... python3 cli-raw-pages.py PAGE_SIZE
Prints the pages on stdout and the number of groups on stderr."""
import http.client
import json
import os
import sys
import urllib.parse

url = urllib.parse.urlsplit(os.environ["GLOW_INSTANCE_URL"])
conn = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": "Bearer " + os.environ["GLOW_TOKEN"], "Content-Type": "application/json"}
path = url.path.rstrip("/") + "/system/groups"
body = {"page_size": int(sys.argv[1])}
out = sys.stdout.buffer
groups = 0
while True:
    conn.request("POST", path, json.dumps(body), headers)
    answer = conn.getresponse()
    raw = answer.read()
    if answer.status != 200:
        sys.exit("HTTP %d" % answer.status)
    page = json.loads(raw)
    groups += len(page["groups"])
    out.write(raw)
    out.write(b"\n")
    token = page.get("next_page_token")
    if not token:
        break
    body["page_token"] = token
out.flush()
print(groups, file=sys.stderr)
