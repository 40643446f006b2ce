#!/usr/bin/env bash
# Generates every built-in prompt from media/prompts/texts/<lang>.properties with espeak-ng and sox.
#
#   media/prompts/generate.sh            # all languages, music on hold and tones
#   media/prompts/generate.sh en         # one language only
#
# Output: media/src/main/resources/prompts/<lang>/<name>.wav, moh/default.wav, tones/beep.wav:
# 8 kHz, mono, G.711 µ-law WAV (format tag 7). javax.sound.sampled reads these directly.
# Running it twice gives byte-identical files (espeak-ng is deterministic; sox runs with -D (no dither) and -R (fixed random seed, used by the plucked notes)).
# Needs the Debian packages espeak-ng and sox (tested with espeak-ng 1.51 and SoX 14.4.2).
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
texts="$here/texts"
out="$here/../src/main/resources/prompts"

# Words per minute (espeak-ng default is 175): a little slower than default for the telephone.
speed="${PROMPT_SPEED:-160}"

declare -A voice=([nl]=nl [en]=en-gb [de]=de)

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is not installed (apt-get install espeak-ng sox)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One sox chain for every spoken prompt: trim silence at both ends (20 ms above 0.5 %), take out
# rumble, peak-normalise to -3 dBFS, then leave 50 ms before and 100 ms after so prompts that are
# played one after the other ("you have" "three" "new messages") do not run together.
# sox resamples to 8 kHz at the end of the chain (-r 8000), and writes µ-law.
encode() { # encode <in.wav> <out.wav>
  sox -D -R -V1 "$1" -r 8000 -c 1 -e u-law -b 8 -t wav "$2" \
    highpass 120 \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse \
    norm -3 pad 0.05 0.1
}

# Applies <lang>.pronounce (written=spoken, plain text) to one text.
respell() { # respell <lang> <text>
  local text="$2" file="$texts/$1.pronounce" from to
  if [[ -f "$file" ]]; then
    while IFS='=' read -r from to || [[ -n "$from" ]]; do
      [[ -z "$from" || "$from" == \#* ]] && continue
      text="${text//"$from"/"$to"}"
    done < "$file"
  fi
  printf '%s' "$text"
}

speak_language() { # speak_language <lang>
  local lang="$1" file="$texts/$1.properties" dir="$out/$1" line name text count=0
  [[ -f "$file" ]] || { echo "generate.sh: no $file" >&2; exit 1; }
  # Start clean so a prompt removed from the texts disappears from the resources too.
  mkdir -p "$dir"
  rm -f "$dir"/*.wav
  declare -A seen=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ -z "${line//[[:space:]]/}" || "$line" =~ ^[[:space:]]*# ]] && continue
    name="${line%%=*}"
    text="${line#*=}"
    name="${name//[[:space:]]/}"
    if [[ ! "$name" =~ ^[a-z0-9-]+$ || "$line" != *=* || -z "$text" ]]; then
      echo "generate.sh: $file: bad line: $line" >&2; exit 1
    fi
    [[ -z "${seen[$name]:-}" ]] || { echo "generate.sh: $file: $name appears twice" >&2; exit 1; }
    seen[$name]=1
    respell "$lang" "$text" | espeak-ng --stdin -v "${voice[$lang]}" -s "$speed" -w "$work/raw.wav"
    encode "$work/raw.wav" "$dir/$name.wav"
    count=$((count + 1))
  done < "$file"
  echo "$lang: $count prompts in $(du -sh "$dir" | cut -f1)"
}

# About 10 s of soft music on hold: four sine chords (C, A minor, F, G; a root an octave lower
# under a triad), each 2.5 s with a slow attack and release, and a quiet arpeggio on top.
# Peak -10 dBFS (about -20 dBFS RMS), so the loop is gentle and the seams are silent-ish.
music_on_hold() {
  local dir="$out/moh" i=0 chord parts=()
  mkdir -p "$dir"
  for chord in "130.81 261.63 329.63 392.00 523.25 659.25 783.99" \
               "110.00 220.00 261.63 329.63 440.00 523.25 659.25" \
               "87.31 174.61 220.00 261.63 349.23 440.00 523.25" \
               "98.00 196.00 246.94 293.66 392.00 493.88 587.33"; do
    set -- $chord
    # The triad with its bass note, one channel per tone, mixed down.
    sox -D -R -V1 -r 8000 -c 4 -n -c 1 -b 16 "$work/pad$i.wav" synth 2.5 sine "$1" sine "$2" sine "$3" sine "$4" \
      remix - fade q 0.4 2.5 0.6 vol 0.5
    # A gentle broken chord on top: three notes of 0.8 s each, plucked.
    sox -D -R -V1 -n -r 8000 -c 1 -b 16 "$work/n$i-1.wav" synth 0.8 pluck "$5" fade q 0.01 0.8 0.5
    sox -D -R -V1 -n -r 8000 -c 1 -b 16 "$work/n$i-2.wav" synth 0.8 pluck "$6" fade q 0.01 0.8 0.5
    sox -D -R -V1 -n -r 8000 -c 1 -b 16 "$work/n$i-3.wav" synth 0.9 pluck "$7" fade q 0.01 0.9 0.6
    sox -D -R -V1 "$work/n$i-1.wav" "$work/n$i-2.wav" "$work/n$i-3.wav" "$work/arp$i.wav" pad 0 0
    sox -D -R -V1 -m -v 1 "$work/pad$i.wav" -v 0.6 "$work/arp$i.wav" "$work/mix$i.wav"
    parts+=("$work/mix$i.wav")
    i=$((i + 1))
  done
  sox -D -R -V1 "${parts[@]}" -r 8000 -c 1 -e u-law -b 8 -t wav "$dir/default.wav" norm -10
  echo "moh: $(du -h "$dir/default.wav" | cut -f1)"
}

# The voicemail beep ("after the tone"): 1 kHz, 400 ms, -10 dBFS, with 5 ms ramps.
tones() {
  local dir="$out/tones"
  mkdir -p "$dir"
  sox -D -R -V1 -n -r 8000 -c 1 -e u-law -b 8 -t wav "$dir/beep.wav" synth 0.4 sine 1000 fade q 0.005 0.4 0.005 vol -10dB
}

if [[ $# -gt 0 ]]; then
  for lang in "$@"; do
    [[ -n "${voice[$lang]:-}" ]] || { echo "generate.sh: unknown language $lang (nl, en, de)" >&2; exit 1; }
    speak_language "$lang"
  done
else
  for lang in nl en de; do speak_language "$lang"; done
  music_on_hold
  tones
fi
