"""The reference catalog: a large, realistic, deterministic catalog for the benchmark.

    .venv/bin/python benchmarks/refcatalog.py 300 .cache/refcatalog/300

writes ``products/`` and ``cooperatives/`` under the target folder (never into the repository's
own records): N products (default 300) from N/5 cooperatives spread over the 12 regions, each
record a variation of one of the sample records (so every field of the schema is exercised and
the catalog validates), with realistic text lengths in zh/fr/en, some translations missing
(warnings, not errors), and 1–3 phone photos per product (2 on average). The photos are 3000–4000 px
JPEGs made from the photographs scikit-image ships (``bench_photos.make_phone_photo``): cropped,
with grain, a third stored sideways with an EXIF turn, half with GPS in EXIF. Everything follows
from the seed: the same N gives the same catalog, byte for byte.

Photos are made once into a shared pool (``<target>/../photo-pool``) and hard-linked into the
product folders; ``--distinct-photos M`` reuses the first M photos of the pool in turn (the
1,000-product scale run reuses the 300-product catalog's photos, which the photo cache then
already holds).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import os
import random
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_photos import SOURCES, make_phone_photo  # type: ignore[import-not-found]  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from miftah.catalog.taxonomy import vocabulary  # noqa: E402

PROVINCES = vocabulary("provinces")

SEED = 2026
PRODUCTS_PER_COOPERATIVE = 5
PHOTO_SIZES_PX = ((4032, 3024), (4000, 3000), (3648, 2736), (4032, 2268))
MISSING_TRANSLATION_SHARE = 0.2

# Five towns per region: (slug, zh, fr, en); the province of the generated cooperatives.
TOWNS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "tanger-tetouan-al-hoceima": (
        ("chefchaouen", "舍夫沙万", "Chefchaouen", "Chefchaouen"),
        ("tetouan", "得土安", "Tétouan", "Tetouan"),
        ("al-hoceima", "胡塞马", "Al Hoceïma", "Al Hoceima"),
        ("larache", "拉腊什", "Larache", "Larache"),
        ("ouezzane", "瓦赞", "Ouezzane", "Ouezzane"),
    ),
    "oriental": (
        ("berkane", "伯卡内", "Berkane", "Berkane"),
        ("oujda", "乌季达", "Oujda", "Oujda"),
        ("figuig", "菲吉格", "Figuig", "Figuig"),
        ("taourirt", "陶里尔特", "Taourirt", "Taourirt"),
        ("jerada", "杰拉达", "Jerada", "Jerada"),
    ),
    "fes-meknes": (
        ("sefrou", "塞夫鲁", "Sefrou", "Sefrou"),
        ("ifrane", "伊夫兰", "Ifrane", "Ifrane"),
        ("taza", "塔扎", "Taza", "Taza"),
        ("boulemane", "布勒曼", "Boulemane", "Boulemane"),
        ("el-hajeb", "哈杰卜", "El Hajeb", "El Hajeb"),
    ),
    "rabat-sale-kenitra": (
        ("khemisset", "海米塞特", "Khémisset", "Khemisset"),
        ("sidi-kacem", "西迪卡塞姆", "Sidi Kacem", "Sidi Kacem"),
        ("sidi-slimane", "西迪斯利曼", "Sidi Slimane", "Sidi Slimane"),
        ("kenitra", "盖尼特拉", "Kénitra", "Kenitra"),
        ("tiflet", "蒂夫莱特", "Tiflet", "Tiflet"),
    ),
    "beni-mellal-khenifra": (
        ("azilal", "阿齐拉勒", "Azilal", "Azilal"),
        ("khenifra", "海尼夫拉", "Khénifra", "Khenifra"),
        ("beni-mellal", "贝尼迈拉勒", "Béni Mellal", "Beni Mellal"),
        ("khouribga", "胡里卜盖", "Khouribga", "Khouribga"),
        ("demnate", "代姆纳特", "Demnate", "Demnate"),
    ),
    "casablanca-settat": (
        ("settat", "塞塔特", "Settat", "Settat"),
        ("el-jadida", "杰迪代", "El Jadida", "El Jadida"),
        ("berrechid", "贝雷希德", "Berrechid", "Berrechid"),
        ("benslimane", "本斯利曼", "Benslimane", "Benslimane"),
        ("sidi-bennour", "西迪本努尔", "Sidi Bennour", "Sidi Bennour"),
    ),
    "marrakech-safi": (
        ("essaouira", "索维拉", "Essaouira", "Essaouira"),
        ("chichaoua", "希沙瓦", "Chichaoua", "Chichaoua"),
        ("safi", "萨菲", "Safi", "Safi"),
        ("al-haouz", "豪兹", "Al Haouz", "Al Haouz"),
        ("youssoufia", "优素福耶", "Youssoufia", "Youssoufia"),
    ),
    "draa-tafilalet": (
        ("ouarzazate", "瓦尔扎扎特", "Ouarzazate", "Ouarzazate"),
        ("zagora", "扎戈拉", "Zagora", "Zagora"),
        ("tinghir", "廷吉尔", "Tinghir", "Tinghir"),
        ("errachidia", "拉希迪耶", "Errachidia", "Errachidia"),
        ("midelt", "米德勒特", "Midelt", "Midelt"),
    ),
    "souss-massa": (
        ("taroudant", "塔鲁丹特", "Taroudant", "Taroudant"),
        ("tiznit", "提兹尼特", "Tiznit", "Tiznit"),
        ("tata", "塔塔", "Tata", "Tata"),
        ("chtouka-ait-baha", "舒图卡艾特巴哈", "Chtouka Aït Baha", "Chtouka Ait Baha"),
        ("inezgane", "伊奈兹甘", "Inezgane", "Inezgane"),
    ),
    "guelmim-oued-noun": (
        ("sidi-ifni", "西迪伊夫尼", "Sidi Ifni", "Sidi Ifni"),
        ("guelmim", "盖勒敏", "Guelmim", "Guelmim"),
        ("tan-tan", "坦坦", "Tan-Tan", "Tan-Tan"),
        ("assa-zag", "阿萨扎格", "Assa-Zag", "Assa-Zag"),
        ("bouizakarne", "布伊扎卡尔内", "Bouizakarne", "Bouizakarne"),
    ),
    "laayoune-sakia-el-hamra": (
        ("laayoune", "阿尤恩", "Laâyoune", "Laayoune"),
        ("boujdour", "布杰杜尔", "Boujdour", "Boujdour"),
        ("tarfaya", "塔尔法亚", "Tarfaya", "Tarfaya"),
        ("es-semara", "斯马拉", "Es-Semara", "Es-Semara"),
        ("el-marsa", "迈尔萨", "El Marsa", "El Marsa"),
    ),
    "dakhla-oued-ed-dahab": (
        ("dakhla", "达赫拉", "Dakhla", "Dakhla"),
        ("aousserd", "奥塞尔德", "Aousserd", "Aousserd"),
        ("bir-gandouz", "比尔甘杜兹", "Bir Gandouz", "Bir Gandouz"),
        ("imlili", "伊姆利利", "Imlili", "Imlili"),
        ("el-argoub", "阿尔古卜", "El Argoub", "El Argoub"),
    ),
}

# What each sample cooperative makes, for the generated names: slug part, zh, fr, en.
KINDS = {
    "tifaout-argan": ("argan", "阿甘油", "d'argan", "Argan"),
    "atlas-carob": ("carob", "角豆", "de caroube", "Carob"),
    "berkane-clementine": ("citrus", "柑橘", "d'agrumes", "Citrus"),
    "hauts-plateaux-truffle": ("truffle", "沙漠松露", "de truffes du désert", "Desert Truffle"),
    "moulouya-ghassoul": ("ghassoul", "火山泥", "de ghassoul", "Ghassoul"),
    "taliouine-saffron": ("saffron", "藏红花", "de safran", "Saffron"),
    "ait-baamrane-cactus": ("cactus", "仙人掌", "du cactus", "Cactus"),
}

# Variants of one product in one cooperative: slug suffix, zh, fr, en.
GRADES = (
    ("", "", "", ""),
    ("-extra", "（特级）", " extra", " (extra grade)"),
    ("-bulk", "（散装）", " en vrac", " (bulk)"),
    ("-gift-box", "（礼盒装）", " en coffret", " (gift box)"),
    ("-first-grade", "（一级）", " premier choix", " (first grade)"),
)

# Extra paragraphs that lengthen descriptions and stories (no claims: see data/claims.yml).
EXTRA_PARAGRAPHS = {
    "zh": (
        "合作社每年根据收成情况安排生产，旺季过后的订单可能需要更长的交货时间。每批产品出厂前都会留"
        "样并记录批号，买家可以凭批号查询采收日期、加工日期和检验记录。如需特殊规格或定制包装，请在"
        "询价时说明数量和用途。",
        "出口前，产品按照买家要求进行包装和贴标，外箱标注品名、批号、净重、毛重和生产日期。合作社可"
        "以协助准备装箱单、商业发票和原产地证书等单证，也可以安排第三方检验。海运通常从卡萨布兰卡或"
        "阿加迪尔港出发，约需四至六周抵达中国港口。",
        "合作社成员大多来自周边村庄，收入的一部分用于扫盲班、托儿所和设备更新。欢迎进口商在采收季节"
        "前来参观，了解从原料采收、清洗、晾晒到加工和包装的全过程。参观请提前两周预约，合作社可以安"
        "排法语或英语讲解。",
    ),
    "fr": (
        "La coopérative planifie sa production selon la récolte de l'année ; les commandes "
        "passées après la saison peuvent demander un délai plus long. Chaque lot est "
        "échantillonné et numéroté avant expédition : l'acheteur retrouve avec ce numéro les "
        "dates de récolte et de transformation et les résultats d'analyse. Pour un format "
        "particulier ou un conditionnement à façon, précisez la quantité et l'usage dans votre "
        "demande.",
        "Avant l'export, les produits sont conditionnés et étiquetés selon les demandes de "
        "l'acheteur ; les cartons portent la désignation, le numéro de lot, les poids net et "
        "brut et la date de fabrication. La coopérative aide à préparer la liste de colisage, "
        "la facture commerciale et le certificat d'origine, et peut faire intervenir un "
        "organisme d'inspection. Le fret maritime part de Casablanca ou d'Agadir et atteint la "
        "Chine en quatre à six semaines.",
        "Les adhérentes viennent pour la plupart des villages voisins ; une part des recettes "
        "finance des cours d'alphabétisation, une garderie et le renouvellement du matériel. "
        "Les importateurs sont les bienvenus à la saison de la récolte pour suivre chaque "
        "étape, de la cueillette au conditionnement. Prévenez deux semaines à l'avance.",
    ),
    "en": (
        "The cooperative plans production around each year's harvest; orders placed after the "
        "season may need a longer lead time. Every batch is sampled and numbered before it "
        "leaves: with that number a buyer can trace the harvest and processing dates and the "
        "test results. For a special size or custom packaging, give the quantity and the "
        "intended use in your inquiry.",
        "Before export, goods are packed and labelled to the buyer's requirements; cartons "
        "show the product name, batch number, net and gross weight and production date. The "
        "cooperative helps prepare the packing list, commercial invoice and certificate of "
        "origin, and can arrange third-party inspection. Sea freight leaves from Casablanca or "
        "Agadir and reaches Chinese ports in four to six weeks.",
        "Most members come from the surrounding villages; part of the income pays for literacy "
        "classes, a day nursery and new equipment. Importers are welcome during the harvest "
        "season to see every step from picking to packing. Please book two weeks ahead.",
    ),
}


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line texts as literal blocks, like the hand-written records."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


def _templates(collection: str, file_name: str) -> dict[str, dict[str, Any]]:
    return {folder.name: _read(folder / file_name) for folder in sorted((ROOT / collection).iterdir())}


def _vary_text(rng: random.Random, text: str, lang: str) -> str:
    """The template's paragraphs, a random subset of them or with extra ones: 0.5× to 2.5× long."""
    paragraphs = [part.strip() for part in text.strip().split("\n\n") if part.strip()]
    roll = rng.random()
    if roll < 0.25 and len(paragraphs) > 1:
        paragraphs = paragraphs[: rng.randint(1, len(paragraphs) - 1)]
    elif roll > 0.5:
        extras = list(EXTRA_PARAGRAPHS[lang])
        rng.shuffle(extras)
        paragraphs += extras[: rng.randint(1, len(extras))]
    return "\n\n".join(paragraphs) + "\n"


def _drop_translation(rng: random.Random, texts: dict[str, str]) -> None:
    if rng.random() < MISSING_TRANSLATION_SHARE:
        texts.pop(rng.choice(("fr", "en")), None)


def make_cooperatives(count: int, rng: random.Random) -> list[dict[str, Any]]:
    templates = _templates("cooperatives", "cooperative.yml")
    names = sorted(templates)
    towns = [
        (region, town) for round_ in range(5) for region, row in TOWNS.items() for town in row[round_:][:1]
    ]
    made = []
    for index in range(count):
        template_slug = names[index % len(names)]
        record = copy.deepcopy(templates[template_slug])
        region, (town_slug, zh, fr, en) = towns[index % len(towns)]
        kind, kind_zh, kind_fr, kind_en = KINDS[template_slug]
        suffix = f"-{index // len(towns) + 1}" if index >= len(towns) else ""
        slug = f"{town_slug}-{kind}{suffix}"
        record["name"] = {
            "zh": f"{zh}{kind_zh}合作社{suffix}（示例）",
            "fr": f"Coopérative {kind_fr} de {fr}{suffix} (exemple)",
            "en": f"{en} {kind_en} Cooperative{suffix} (sample)",
        }
        record["legal_name"] = f"Coopérative {kind_fr} de {fr}{suffix} (exemple fictif)"
        record["region"] = region
        record.pop("province", None)
        record.pop("commune", None)
        if _province_in(town_slug, region):
            record["province"] = town_slug
        if "location" in record:
            record["location"] = {
                "lat": round(record["location"]["lat"] + rng.uniform(-0.3, 0.3), 2),
                "lon": round(record["location"]["lon"] + rng.uniform(-0.3, 0.3), 2),
            }
        record["founded_year"] = rng.randint(1995, 2022)
        for lang in list(record.get("story", {})):
            record["story"][lang] = _vary_text(rng, record["story"][lang], lang)
        if record.get("story"):
            _drop_translation(rng, record["story"])
        for contact in record.get("contacts", []):
            contact["email"] = f"{slug}@example.org"
        made.append(
            {
                "slug": slug,
                "template": template_slug,
                "region": region,
                "town": (zh, fr, en),
                "record": record,
            }
        )
    return made


def _province_in(town_slug: str, region: str) -> bool:
    """Whether the town is a province of that region in the gazetteer (else none is written)."""
    province = PROVINCES.get(town_slug)
    return province is not None and province.fact("region") == region


def make_products(count: int, cooperatives: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    templates = _templates("products", "product.yml")
    by_cooperative: dict[str, list[str]] = {}
    for slug, record in templates.items():
        by_cooperative.setdefault(record["cooperative"], []).append(slug)
    made, taken = [], set()
    for index in range(count):
        cooperative = cooperatives[index % len(cooperatives)]
        choices = by_cooperative[cooperative["template"]]
        template_slug = choices[(index // len(cooperatives)) % len(choices)]
        template = templates[template_slug]
        record = copy.deepcopy(template)
        base = f"{template_slug}-{cooperative['slug']}"[:48].rstrip("-")
        grade = 0
        while f"{base}{GRADES[grade % len(GRADES)][0]}{grade // len(GRADES) or ''}" in taken:
            grade += 1
        suffix, grade_zh, grade_fr, grade_en = GRADES[grade % len(GRADES)]
        number = str(grade // len(GRADES) or "")
        slug = f"{base}{suffix}{number}"
        taken.add(slug)
        zh, fr, en = cooperative["town"]
        names = template["name"]
        record["name"] = {
            "zh": f"{zh}{names['zh']}{grade_zh}{number}"[:80],
            "fr": f"{names['fr']}{grade_fr}{number} — {fr}"[:80],
            "en": f"{names['en']}{grade_en}{number} — {en}"[:80],
        }
        record["cooperative"] = cooperative["slug"]
        record["origin"]["region"] = cooperative["region"]
        record["origin"].pop("province", None)
        if "province" in cooperative["record"]:
            record["origin"]["province"] = cooperative["record"]["province"]
        if cooperative["region"] != cooperative["record"].get("region") or rng.random() < 0.5:
            record["origin"].pop("geographical_indication", None)
        record["last_verified"] = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 300))
        for lang in list(record["description"]):
            record["description"][lang] = _vary_text(rng, record["description"][lang], lang)
        for field in ("description", "summary", "storage", "ingredients"):
            if field in record:
                _drop_translation(rng, record[field])
        alts = [photo["alt"] for photo in template["photos"]]
        photo_count = rng.choice((1, 2, 3))
        record["photos"] = [
            {"file": f"photo-{n + 1}.jpg", "alt": dict(alts[n % len(alts)])} for n in range(photo_count)
        ]
        made.append({"slug": slug, "record": record})
    return made


def photo_plan(index: int, size_px: tuple[int, int] | None = None) -> dict[str, Any]:
    """How pool photo ``index`` is made (a function of the index only)."""
    rng = random.Random(SEED * 100_003 + index)
    return {
        "name": SOURCES[index % len(SOURCES)],
        "portrait": rng.random() < 1 / 3,
        "crop_step": rng.randint(0, 2),
        "size_px": size_px or rng.choice(PHOTO_SIZES_PX),
        "gps": rng.random() < 0.5,
    }


def _make_pool_photo(pool: str, index: int, size_px: tuple[int, int] | None) -> str:
    path = Path(pool) / f"photo-{index:05d}.jpg"
    if not path.is_file():
        partial = path.with_suffix(".part")
        plan = photo_plan(index, size_px)
        make_phone_photo(path=partial, rng=np.random.default_rng([SEED, index]), **plan)
        partial.replace(path)
    return str(path)


def make_photo_pool(pool: Path, count: int, size_px: tuple[int, int] | None = None) -> list[Path]:
    """Pool photos 0…count-1, made once on every core and kept."""
    pool.mkdir(parents=True, exist_ok=True)
    missing = [index for index in range(count) if not (pool / f"photo-{index:05d}.jpg").is_file()]
    if missing:
        print(f"making {len(missing)} phone photos into {pool} …", file=sys.stderr, flush=True)
        with ProcessPoolExecutor() as executor:
            sizes = [size_px] * len(missing)
            list(executor.map(_make_pool_photo, [str(pool)] * len(missing), missing, sizes, chunksize=4))
    return [pool / f"photo-{index:05d}.jpg" for index in range(count)]


def write_catalog(
    target: Path,
    products: int,
    distinct_photos: int | None = None,
    seed: int = SEED,
    photo_size_px: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """Write the reference catalog of ``products`` products into ``target`` (replacing its records);
    ``photo_size_px`` makes smaller photos (the smoke run) into a pool of their own."""
    rng = random.Random(seed)
    cooperatives = make_cooperatives(max(1, round(products / PRODUCTS_PER_COOPERATIVE)), rng)
    made = make_products(products, cooperatives, rng)
    photos_wanted = sum(len(product["record"]["photos"]) for product in made)
    distinct = min(photos_wanted, distinct_photos or photos_wanted)
    pool_name = f"photo-pool-{photo_size_px[0]}" if photo_size_px else "photo-pool"
    pool = make_photo_pool(target.parent / pool_name, distinct, photo_size_px)
    for collection in ("products", "cooperatives", "programme"):
        shutil.rmtree(target / collection, ignore_errors=True)
    shutil.copytree(ROOT / "programme", target / "programme")
    used = set()
    for cooperative in cooperatives:
        folder = target / "cooperatives" / cooperative["slug"]
        folder.mkdir(parents=True)
        for contact in cooperative["record"].get("contacts", []):
            if contact.get("wechat_qr"):
                shutil.copyfile(
                    ROOT / "cooperatives" / cooperative["template"] / contact["wechat_qr"],
                    folder / contact["wechat_qr"],
                )
        _write_yaml(folder / "cooperative.yml", cooperative["record"], "cooperative")
    counter = 0
    for product in made:
        folder = target / "products" / product["slug"]
        folder.mkdir(parents=True)
        for photo in product["record"]["photos"]:
            source = pool[counter % distinct]
            used.add(source)
            os.link(source, folder / photo["file"])
            counter += 1
        _write_yaml(folder / "product.yml", product["record"], "product")
    return {
        "products": products,
        "cooperatives": len(cooperatives),
        "photos": counter,
        "distinct_photos": len(used),
    }


def _write_yaml(path: Path, record: dict[str, Any], schema: str) -> None:
    header = (
        f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n"
        "# Reference catalog (benchmarks/refcatalog.py): generated, fictional.\n"
    )
    body = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(header + body, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("products", type=int, nargs="?", default=300)
    parser.add_argument("target", type=Path, nargs="?", default=ROOT / ".cache" / "refcatalog" / "300")
    parser.add_argument("--distinct-photos", type=int, help="reuse the first M pool photos in turn")
    arguments = parser.parse_args()
    summary = write_catalog(arguments.target.resolve(), arguments.products, arguments.distinct_photos)
    print(", ".join(f"{key} {value}" for key, value in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
