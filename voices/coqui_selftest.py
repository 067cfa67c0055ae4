"""Self-test of the optional Coqui engine (``make test-coqui``): build a tiny random-weight multi-speaker
VITS model folder with Korean graphemes, then synthesise through :mod:`voices.engines.coqui` with each
speaker. Runs only inside ``.venv-coqui/`` (coqui-tts + torch 2.9.1 + torchaudio 2.9.*).

    .venv-coqui/bin/python -m voices.coqui_selftest [--keep FOLDER]

Prints one JSON line per speaker and exits 0 when every speaker produced non-empty, finite audio and
the two speakers' audio differs.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

SPEAKERS = ["minji", "junho"]


def build_tiny_vits(folder: Path) -> Path:
    """Write config.json + model.pth of a randomly initialised 2-speaker VITS (a few MB) into ``folder``."""
    import torch
    from TTS.tts.configs.shared_configs import CharactersConfig
    from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
    from TTS.tts.models.vits import Vits

    torch.manual_seed(0)
    hangul = "".join(chr(c) for c in range(0xAC00, 0xD7A4))
    config = VitsConfig(
        model_args=VitsArgs(
            hidden_channels=32, hidden_channels_ffn_text_encoder=64, num_heads_text_encoder=2,
            num_layers_text_encoder=1, num_layers_posterior_encoder=2, num_layers_flow=1,
            upsample_initial_channel_decoder=32, upsample_rates_decoder=[8, 8, 2, 2],
            use_speaker_embedding=True, speaker_embedding_channels=16, use_sdp=False,
        ),
        speakers=SPEAKERS, use_phonemes=False, text_cleaner="basic_cleaners",
        characters=CharactersConfig(characters_class="TTS.tts.models.vits.VitsCharacters",
                                    characters=hangul + "abcdefghijklmnopqrstuvwxyz0123456789",
                                    punctuations="!'(),-.:;? ", phonemes="", pad="<PAD>", eos="<EOS>",
                                    bos="<BOS>", blank="<BLNK>"),
    )
    model = Vits(config)
    folder.mkdir(parents=True, exist_ok=True)
    config.save_json(str(folder / "config.json"))
    torch.save({"model": model.state_dict(), "config": config.to_dict()}, folder / "model.pth")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the model folder here and keep it")
    args = parser.parse_args()

    import numpy as np

    from voices.catalog import Voice
    from voices.engines.coqui import Engine

    with tempfile.TemporaryDirectory(prefix="coqui-selftest-") as tmp:
        folder = build_tiny_vits(args.keep or Path(tmp) / "tiny-vits")
        engine = Engine()
        ok = True
        outputs = []
        for speaker in SPEAKERS:
            voice = Voice(id=f"ko-coqui-{speaker}", language="ko", gender="female", engine="coqui",
                          model=str(folder), speaker=speaker)
            audio = engine.synthesize("안녕하세요, 경기 결과를 알려 드릴게요.", voice, speed=1.0)
            good = len(audio.samples) > 0 and bool(np.all(np.isfinite(audio.samples)))
            ok &= good
            outputs.append(audio.samples)
            print(json.dumps({"speaker": speaker, "seconds": round(audio.seconds, 3),
                              "sample_rate": audio.sample_rate, "ok": good}))
        # the speaker really is selected: another speaker embedding gives other audio
        n = min(len(o) for o in outputs)
        distinct = not np.allclose(outputs[0][:n], outputs[1][:n])
        print(json.dumps({"speakers_differ": distinct}))
    return 0 if ok and distinct else 1


if __name__ == "__main__":
    sys.exit(main())
