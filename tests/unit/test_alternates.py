from macros import alternates

ES = [{"name": "Español", "link": "", "lang": "es"}, {"name": "English", "link": "en/", "lang": "en"}]
EN = [{"name": "Español", "link": "../", "lang": "es"}, {"name": "English", "link": "", "lang": "en"}]


def test_same_page_in_both_languages_from_either_build():
    expected = [("es", "https://example.org/guide/contract/"), ("en", "https://example.org/guide/en/contract/"),
                ("x-default", "https://example.org/guide/contract/")]
    assert alternates.page_alternates("https://example.org/guide/", ES, "contract/") == expected
    assert alternates.page_alternates("https://example.org/guide/en/", EN, "contract/") == expected


def test_home_page_and_missing_site_url():
    assert alternates.page_alternates("https://e.org/en/", EN, "")[0] == ("es", "https://e.org/")
    assert alternates.page_alternates("", ES, "contract/") == []
