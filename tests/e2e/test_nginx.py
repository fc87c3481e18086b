"""deploy/nginx/site.conf, run by Debian's nginx on a local port over the built site: the
headers of tools/hosting.py, both 404 pages, gzip, the workers' scopes, offline after one visit."""
import getpass
import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import LANG_PREFIX, OFFLINE_WORKER, ROOT
from tests.e2e.test_offline import OTHER, switch_language, wait_for_offline_ready, wait_for_worker
from tools import hosting

pytestmark = [pytest.mark.e2e, OFFLINE_WORKER]  # the offline worker is what they test

NGINX = "/usr/sbin/nginx"
CONFIG = ROOT / "deploy" / "nginx" / "site.conf"
INSTALLED = {"site": "/srv/trato-claro/site", "nginx": "/srv/trato-claro/nginx"}  # paths in site.conf


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_config(site_dir: Path, work: Path, port: int) -> Path:
    """site.conf as shipped, with only its paths and port moved into the test's folders."""
    includes = work / "includes"
    includes.mkdir()
    (includes / "headers.conf").write_text(hosting.nginx_headers(site_dir), encoding="utf-8")
    (includes / "cache.map").write_text(hosting.nginx_cache(site_dir), encoding="utf-8")
    server = CONFIG.read_text(encoding="utf-8")
    server = server.replace(INSTALLED["site"], str(site_dir)).replace(INSTALLED["nginx"], str(includes))
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("listen [::]:80;\n", "")
    (work / "site.conf").write_text(server, encoding="utf-8")
    temp = {name: work / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    main = work / "nginx.conf"
    main.write_text("\n".join([
        "daemon off;", "worker_processes 1;", f"user {getpass.getuser()};",
        f"pid {work / 'nginx.pid'};", f"error_log {work / 'error.log'} warn;",
        "events { worker_connections 64; }",
        "http {",
        "  include /etc/nginx/mime.types;", "  default_type application/octet-stream;", "  access_log off;",
        f"  client_body_temp_path {temp['body']};", f"  proxy_temp_path {temp['proxy']};",
        f"  fastcgi_temp_path {temp['fastcgi']};", f"  uwsgi_temp_path {temp['uwsgi']};",
        f"  scgi_temp_path {temp['scgi']};",
        f"  include {work / 'site.conf'};",
        "}",
    ]) + "\n", encoding="utf-8")
    return main


@pytest.fixture(scope="module")
def nginx_url(site_dir, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test` (it installs Debian's nginx-light)", pytrace=False)
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    main = local_config(site_dir, work, port)
    checked = subprocess.run([NGINX, "-t", "-c", str(main), "-e", str(work / "error.log")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([NGINX, "-c", str(main), "-e", str(work / "error.log")])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def get(base: str, path: str, gzip: bool = False) -> http.client.HTTPResponse:
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
    response = connection.getresponse()
    response.body = response.read()
    return response


def test_every_response_carries_the_security_headers(nginx_url, site_dir):
    expected = hosting.security_headers(site_dir)
    for path in ("/", "/en/expectations/", "/assets/js/site.js", "/sw.js", "/no-such-page/", "/en/no-such/"):
        response = get(nginx_url, path)
        for name, value in expected.items():
            assert response.getheader(name) == value, (path, name)
    assert "frame-ancestors 'none'" in expected["Content-Security-Policy"]


def test_caching_by_kind_of_file(nginx_url, site_dir):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    cases = {
        "/": hosting.REVALIDATE, "/en/contract/": hosting.REVALIDATE,
        "/sw.js": hosting.REVALIDATE, "/en/sw.js": hosting.REVALIDATE,
        f"/assets/javascripts/{bundle}": hosting.IMMUTABLE, f"/en/assets/javascripts/{bundle}": hosting.IMMUTABLE,
        "/assets/js/site.js": hosting.SHORT_LIVED, "/en/assets/css/site.css": hosting.SHORT_LIVED,
    }
    for path, value in cases.items():
        response = get(nginx_url, path)
        assert response.status == 200, path
        assert response.getheader("Cache-Control") == value, path
    assert get(nginx_url, "/manifest.webmanifest").getheader("Content-Type") == "application/manifest+json"


@pytest.mark.parametrize(("path", "code"), [("/no-such-page/", "es"), ("/en/no-such-page/", "en"),
                                              ("/en/assets/nothing.js", "en")])
def test_each_language_has_its_own_not_found_page(nginx_url, path, code):
    response = get(nginx_url, path)
    assert response.status == 404
    assert re.search(rf'<html[^>]* lang="{code}"', response.body.decode("utf-8")), path


def test_text_is_compressed_and_host_files_are_not_served(nginx_url):
    for path in ("/", "/assets/js/site.js", "/en/search/search_index.json"):
        response = get(nginx_url, path, gzip=True)
        assert response.getheader("Content-Encoding") == "gzip", path
        assert response.getheader("Vary") == "Accept-Encoding", path
    redirect = get(nginx_url, "/en")
    assert redirect.status == 301 and redirect.getheader("Location") == "/en/"
    for path in ("/_headers", "/_redirects"):
        assert get(nginx_url, path).status == 404


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_page_opens_offline_after_one_visit_through_nginx(page, context, problems, nginx_url, code):
    root = nginx_url + LANG_PREFIX[code]
    page.goto(root + "expectations/")
    wait_for_offline_ready(page, root)
    scope = page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).scope")
    assert scope == root  # each language's worker covers its own root, Spanish at /
    other_root = nginx_url + LANG_PREFIX[OTHER[code]]
    wait_for_worker(page, other_root, other_root + "sw.js")  # then the other language's (its downloads over)
    context.set_offline(True)
    try:
        page.goto(root + "contract/")
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.locator("article h1")).to_be_visible()
        switch_language(page, OTHER[code])  # the other language, from its own worker
        expect(page).to_have_url(other_root + "contract/")
        expect(page.locator("article h1")).to_be_visible()
    finally:
        context.set_offline(False)
    assert problems.errors == []  # the header CSP and the meta CSP both let the page run
