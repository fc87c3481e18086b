"""make preview (tools/preview.py): a writer's saved edit shows in the open page without a
manual reload, and a service worker left on the same origin by `make serve` is retired."""
import shutil
import socket
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from tests.conftest import OFFLINE_WORKER, ROOT
from tests.e2e.test_offline import wait_for_offline_ready
from tools import serve

pytestmark = [pytest.mark.e2e, OFFLINE_WORKER]  # the offline worker is what they test

PROJECT = ("docs", "macros", "overrides", "tools", "mkdocs.yml", "mkdocs.en.yml")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"preview exited: {process.stdout.read()}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("preview did not start", pytrace=False)


@pytest.fixture
def project_copy(tmp_path):
    """The preview edits files: a copy of the project, never the real docs/."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def test_an_edit_shows_without_a_reload_and_an_old_worker_is_retired(page, context, site_dir, project_copy):
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    # A reader of `make serve` on the same port: the guide's worker takes the origin.
    server = serve.make_server(str(site_dir), port)
    serve_thread = serve.threading.Thread(target=server.serve_forever, daemon=True)
    serve_thread.start()
    page.goto(origin + "en/about/")
    wait_for_offline_ready(page, origin + "en/")
    server.shutdown()
    server.server_close()

    preview = subprocess.Popen([sys.executable, "tools/preview.py", "--port", str(port), "--dir",
                                str(project_copy / "preview")], cwd=project_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, preview, 180)
        page.goto(origin + "en/about/")
        # The old worker answered from its cache at first; the preview retires it and the
        # page comes back from the preview, reload script included.
        expect(page.locator("script[src='/__preview__/reload.js']")).to_have_count(1, timeout=20_000)
        page.wait_for_function("async () => (await navigator.serviceWorker.getRegistrations()).length === 0",
                               timeout=20_000)
        assert page.evaluate("async () => (await caches.keys()).length") == 0
        assert page.locator("link[rel='manifest']").count() == 0  # so site.js registers no worker

        about = project_copy / "docs" / "en" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nA sentence the writer just saved.\n",
                         encoding="utf-8")
        expect(page.locator("article")).to_contain_text("A sentence the writer just saved.", timeout=90_000)
    finally:
        preview.terminate()
        preview.wait(timeout=20)
