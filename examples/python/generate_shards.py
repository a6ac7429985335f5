"""Generates documents for trying and measuring the pipeline: JSONL shards of invented
news sentences about two bundled topics (names, outlets and sentences are made up).

    python examples/python/generate_shards.py OUT_DIR --docs 20000 --shards 4 [--sentences 2 6]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

# Invented people, outlets and sentences for generated documents (never from corpus/).
PEOPLE = [
    ("Defence Minister", "Ana Veltri", "Italy"),
    ("Foreign Minister", "Marek Sollund", "Norway"),
    ("Prime Minister", "Lidia Varga", "Hungary"),
    ("Defence Minister", "Henrik Aalto", "Finland"),
    ("Foreign Minister", "Maja Kovač", "Croatia"),
    ("Chancellor", "Otto Brenner", "Germany"),
    ("President", "Sølve Brenna", "Norway"),
    ("Defence Minister", "Ines Carvalho", "Portugal"),
]
OUTLETS = ["Harbour Ledger", "The Northern Dispatch", "Meridian Wire", "Coastline Review"]
CITIES = ["Tallinn", "Lisbon", "Gdańsk", "Bergen", "Split"]
TEMPLATES = [
    "{title} {name} said NATO should shoot down drones that enter allied airspace.",
    "{title} {name} warned that shooting down Russian jets would be a dangerous escalation.",
    "\u201cWe must not seize the frozen Russian assets,\u201d {name} told reporters in {city}.",
    "{name}, speaking for {country}, argued that the frozen Russian funds should be used to rebuild Ukraine.",
    "According to {name}, allies could shoot down the drones if they pose a clear threat.",
    "{title} {name} said {country} would probably support confiscating the frozen assets.",
    "The talks in {city} ended without a joint statement on Tuesday.",
    "Officials in {city} declined to comment on the incident.",
    "{name} insisted that the alliance must defend every metre of its territory.",
]


def generated_documents(n: int, seed: int = 7, length: tuple = (2, 6)) -> list:
    """n JSONL-shaped documents (id, text, outlet, published, genre) from the templates."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(*length)):
            title, name, country = rng.choice(PEOPLE)
            sentences.append(
                rng.choice(TEMPLATES).format(
                    title=title, name=name, country=country, role=title.lower(), city=rng.choice(CITIES)
                )
            )
        doc = {"id": f"gen-{i:05d}", "text": " ".join(sentences)}
        if rng.random() < 0.8:
            doc["outlet"] = rng.choice(OUTLETS)
        if rng.random() < 0.8:
            doc["published"] = f"2030-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.2:
            doc["genre"] = "opinion"
        docs.append(doc)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--sentences", type=int, nargs=2, default=(2, 6), metavar=("MIN", "MAX"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs = generated_documents(args.docs, args.seed, tuple(args.sentences))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    per = -(-len(docs) // args.shards)
    for k in range(args.shards):
        with open(out / f"part-{k:03d}.jsonl", "w", encoding="utf-8") as f:
            for d in docs[k * per : (k + 1) * per]:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
