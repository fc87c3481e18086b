"""The Content-Security-Policy is enforced: a script injected into the page does not run."""
import pytest

pytestmark = pytest.mark.e2e


def test_injected_inline_script_is_blocked(page, base_url):
    page.goto(base_url + "calculators/penalty/")
    outcome = page.evaluate("""() => new Promise((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.append(s);
      setTimeout(() => resolve(window.__injected ? "ran" : "silent"), 1000);
    })""")
    assert outcome.startswith("script-src")
    assert page.evaluate("window.__injected === undefined")
