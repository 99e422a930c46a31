"""Material's stylesheets cut to the rules the pages can use (``miftah.publishing.cssprune``):
which names count as used, and which rules stay. The browser test that the pruned stylesheets
style every page as the whole ones is ``tests/e2e/test_pruned_styles.py``."""

from __future__ import annotations

from miftah.publishing.cssprune import names_in_pages, names_in_script, prune


def test_the_names_are_the_classes_and_ids_of_the_elements_however_quoted() -> None:
    pages = [
        b'<div class="ms-card  ms-card--new" id=top><p class=\'md-typeset\'>class="not-an-element"</p></div>',
        b'<a class=md-nav__link href="#x">x</a>',
    ]
    assert names_in_pages(pages) == {"ms-card", "ms-card--new", "top", "md-typeset", "md-nav__link"}


def test_a_script_s_every_word_counts_as_used() -> None:
    assert names_in_script('el.className = "ms-" + kind; list.classList.add("is-open")') >= {
        "ms-",
        "kind",
        "is-open",
        "className",
    }


def test_a_rule_stays_only_when_every_class_and_id_it_requires_is_used() -> None:
    css = ".a{color:red}.a .b{color:blue}#c .a{margin:0}.d,.a>p{padding:0}"
    assert prune(css, {"a"}) == ".a{color:red}.a>p{padding:0}"
    assert prune(css, {"a", "b", "c"}) == ".a{color:red}.a .b{color:blue}#c .a{margin:0}.a>p{padding:0}"


def test_tags_attributes_and_names_inside_not_is_where_are_never_required() -> None:
    css = "p{margin:0}[dir=ltr] li{padding:0}*{box-sizing:border-box}a:not(.x){color:red}:is(.y,.z) b{top:0}"
    assert prune(css, set()) == css


def test_a_name_inside_another_function_or_an_attribute_value_is_what_it_is() -> None:
    css = '.a:nth-child(2n+1){color:red}[href$=".pdf"]{color:blue}:host(.h){top:0}'
    assert prune(css, set()) == '[href$=".pdf"]{color:blue}'


def test_media_and_supports_keep_what_stays_inside_and_go_when_empty() -> None:
    css = "@media screen and (min-width:60em){.a{top:0}.b{top:1px}}@supports (display:grid){.b{display:grid}}"
    assert prune(css, {"a"}) == "@media screen and (min-width:60em){.a{top:0}}"


def test_other_at_rules_are_kept_whole() -> None:
    css = '@charset "utf-8";@keyframes spin{0%{opacity:0}to{opacity:1}}@page{margin:1cm}'
    assert prune(css, set()) == css


def test_comments_and_source_map_references_go() -> None:
    assert prune("/* x */.a{top:0}/*# sourceMappingURL=main.css.map*/", {"a"}) == ".a{top:0}"
