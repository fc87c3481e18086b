"""tools/serve.py under probes: bad paths are 404s, silent connections are closed, and every
response carries the security headers production sends."""
import http.client
import socket
import struct
import time

import pytest

from tools import serve


@pytest.fixture
def server(tmp_path, monkeypatch):
    assert serve.SiteHandler.timeout and serve.SiteHandler.timeout <= 30  # socket timeout, seconds
    monkeypatch.setattr(serve.SiteHandler, "timeout", 0.5)  # the same, quicker to watch
    (tmp_path / "index.html").write_text("<h1>Inicio</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>No está</h1>", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "404.html").write_text("<h1>Not found</h1>", encoding="utf-8")
    httpd, url = serve.start_background(tmp_path)
    yield httpd.server_address[:2]
    httpd.shutdown()
    httpd.server_close()


def get(address, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(*address, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.mark.parametrize("path", ["/" + "a" * 256 + "/", "/" + "b" * 300, "/en/" + "c" * 256 + "/x", "/%00", "/x%00y/"])
def test_bad_paths_get_the_languages_404_page(server, path):
    response = get(server, path)
    assert response.status == 404
    assert (b"Not found" if path.startswith("/en/") else "No está".encode()) in response.body


@pytest.mark.parametrize("path", ["/", "/missing/"])
def test_every_response_carries_the_production_security_headers(server, path):
    response = get(server, path)
    for name, value in serve.security_headers().items():
        assert response.getheader(name) == value, name
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_silent_connections_are_closed_and_the_server_still_answers(server):
    # A backlog of at least a page's worth of connections: with socketserver's 5, the 50 below
    # overflowed it and this test's own request waited on the kernel's retries (9 s, not 1).
    assert serve.SiteServer.request_queue_size >= 64
    silent = [socket.create_connection(server, timeout=5) for _ in range(50)]
    half_sent = socket.create_connection(server, timeout=5)
    half_sent.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
    assert get(server, "/").status == 200  # held connections do not block a reader
    time.sleep(1)
    for held in [*silent, half_sent]:
        assert held.recv(1024) == b"", "connection still open"
        held.close()


def test_a_client_that_hangs_up_mid_response_prints_no_traceback(server, tmp_path, capfd):
    """A navigation cancels requests still in flight: the test run printed a BrokenPipeError
    traceback for each, as if the server had failed."""
    (tmp_path / "big.bin").write_bytes(b"x" * 8_000_000)
    for _ in range(3):
        client = socket.create_connection(server, timeout=5)
        client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        assert client.recv(64).startswith(b"HTTP/1.0 200")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not close
        client.close()
    time.sleep(0.5)
    assert get(server, "/").status == 200
    assert "Traceback" not in capfd.readouterr().err


def test_other_errors_while_serving_still_print_their_traceback(capfd):
    httpd = serve.make_server(".")
    try:
        try:
            raise ValueError("a real bug")
        except ValueError:
            httpd.handle_error(None, ("127.0.0.1", 1))
    finally:
        httpd.server_close()
    assert "ValueError: a real bug" in capfd.readouterr().err
