"""What a reader types travels in the page's query string; no request may carry it to the
host in a Referer header, not even a same-origin one made before the offline worker
controls the page (the favicon, a country's holiday file). In the whole browser: the
headless shell fetches no favicon."""
import pytest

from tests.conftest import PageProblems

pytestmark = pytest.mark.e2e


@pytest.fixture
def page_and_problems(full_browser, browser_context_args):
    # The offline worker allowed: requests made while it installs count too.
    context = full_browser.new_context(**browser_context_args, service_workers="allow")
    problems = PageProblems(context)
    yield context.new_page(), problems
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_requests_after_typing_carry_no_referer(page_and_problems, base_url, prefix):
    page, problems = page_and_problems
    page.goto(base_url + prefix + "calculators/turnaround/")
    days = page.locator(".calc-form input[name=days]")
    days.fill("17")
    page.wait_for_function("() => location.search.includes('days=17')")

    sent = []
    page.on("request", lambda request: sent.append((request.url, request.header_value("referer"))))
    page.locator(".calc-more > summary").tap()
    with page.expect_response("**/assets/holidays/ES.json"):
        page.locator(".calc-form select[name=country]").select_option("ES")
    # A favicon request from the typed page, as the browser makes it (a moment later: waited for).
    with page.expect_request(lambda request: "?again" in request.url):
        page.evaluate("""() => {
            const icon = document.querySelector("link[rel=icon]");
            icon.href = icon.href + "?again";
        }""")
    page.wait_for_load_state("networkidle")

    urls = [url for url, _ in sent]
    assert [url for url in urls if url.endswith("assets/holidays/ES.json")], urls
    assert [url for url in urls if "favicon" in url or "?again" in url], urls
    assert [(url, referer) for url, referer in sent if referer] == []
    assert problems.errors == []
