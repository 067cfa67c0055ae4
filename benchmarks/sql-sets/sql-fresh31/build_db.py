#!/usr/bin/env python3
"""Build the sql-fresh31 test database: python3 build_db.py OUT.db

Standard library only, deterministic (random.Random with a fixed seed).
Schema copied verbatim from shared/specs/match-db.sql.
"""
import os
import random
import sqlite3
import sys

SCHEMA = """
CREATE TABLE tournaments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,      -- e.g. 'Seoul Spring Cup 2026'
    game        TEXT NOT NULL,             -- e.g. 'PUBG', 'League of Legends', 'Valorant'
    start_date  DATE,
    end_date    DATE
);

CREATE TABLE teams (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,          -- as printed on result screens: 'T1', '젠지', 'Gen.G'
    region  TEXT                           -- 'KR', 'NA', 'EU', ...
);

CREATE TABLE players (
    id        INTEGER PRIMARY KEY,
    nickname  TEXT NOT NULL UNIQUE,
    team_id   INTEGER REFERENCES teams(id),
    role      TEXT
);

CREATE TABLE matches (
    id             INTEGER PRIMARY KEY,
    tournament_id  INTEGER NOT NULL REFERENCES tournaments(id),
    played_at      TIMESTAMP NOT NULL,
    stage          TEXT,                   -- 'group', 'quarterfinal', 'semifinal', 'final'
    map            TEXT,
    format         TEXT NOT NULL CHECK (format IN ('versus', 'ranking'))
);

-- One row per team in a match. versus: placement 1 = winner, score = games/rounds won.
-- ranking: placement = finishing place, score = points.
CREATE TABLE match_teams (
    match_id   INTEGER NOT NULL REFERENCES matches(id),
    team_id    INTEGER NOT NULL REFERENCES teams(id),
    placement  INTEGER,
    score      INTEGER,
    kills      INTEGER,
    PRIMARY KEY (match_id, team_id)
);

CREATE TABLE match_players (
    match_id   INTEGER NOT NULL REFERENCES matches(id),
    player_id  INTEGER NOT NULL REFERENCES players(id),
    kills      INTEGER,
    deaths     INTEGER,
    assists    INTEGER,
    damage     INTEGER,
    PRIMARY KEY (match_id, player_id)
);
"""

R = random.Random(31031)

VAL, LOL, APEX = 'Valorant', 'League of Legends', 'Apex Legends'

TOURNAMENTS = [
    (1, 'Han River Valorant Clash 2024', VAL, '2024-10-05', '2024-10-20'),
    (2, 'Seoul LoL Spring Split 2025', LOL, '2025-03-22', '2025-04-13'),
    (3, 'Apex Pacific Showdown 2025', APEX, '2025-06-14', '2025-06-15'),
    (4, 'Valorant Masters Busan 2025', VAL, '2025-11-08', '2025-11-16'),
    (5, 'Apex Pacific Showdown 2026', APEX, '2026-02-21', '2026-02-22'),
    (6, 'Incheon LoL Invitational 2026', LOL, '2026-05-30', '2026-06-07'),
]

# name, region, strength
TEAMS = [
    ('서울 다이나모', 'KR', 9), ('Night Owls', 'NA', 7), ('Kitsune Gaming', 'JP', 6),
    ('Aurora Five', 'EU', 8), ('Samba Strike', 'BR', 5), ('대전 스톰', 'KR', 7),
    ('한빛 레드', 'KR', 9), ('Dragon Gate', 'CN', 8), ('Fjord Wolves', 'EU', 6),
    ('Tidal Lions', 'SEA', 5), ('Redwood Academy', 'NA', 4),
    ('부산 이글스', 'KR', 8), ('Outback Raptors', 'OCE', 6), ('Manila Phoenix', 'SEA', 5),
    ('제주 블루', 'KR', 7), ('Jaguar Esports', 'BR', 6), ('Ghost Protocol', None, 5),
    ('Lunar Academy', 'CN', 3),
]
TID = {t[0]: i + 1 for i, t in enumerate(TEAMS)}
STR = {t[0]: t[2] for t in TEAMS}

VROLES = ['duelist', 'initiator', 'controller', 'sentinel', 'flex']
LROLES = ['top', 'jungle', 'mid', 'adc', 'support']
AROLES = ['igl', 'fragger', 'support']
# (team, game) -> nicknames in role order
ROSTERS = [
    ('서울 다이나모', VAL, ['Blaze', '한울', 'Mirae', 'K1ng', '소나기']),
    ('Night Owls', VAL, ['Hoot', 'Nyx', 'Talon', 'Dusk', 'Mr.Night']),
    ('Kitsune Gaming', VAL, ['Kaze', 'Hikari', 'Ren', 'Yuzu', 'Shiro']),
    ('Aurora Five', VAL, ['Frost', 'Nordic', 'Viktor', 'Lumen', 'Aska']),
    ('Samba Strike', VAL, ['Pelé_Jr', 'Capoeira', 'Rio', 'Tatu', 'Brisa']),
    ('대전 스톰', VAL, ['번개', 'Thunder', '폭풍', 'Gale', 'Raijin']),
    ('대전 스톰', LOL, ['태풍', 'Cyclone', '해일', 'Monsoon', '먹구름']),
    ('한빛 레드', LOL, ['Crimson', '홍련', 'Ember', 'Scarlet', '단풍']),
    ('Dragon Gate', LOL, ['Longwei', 'Xiaolong', 'Jinlong', 'Feng', 'Huo']),
    ('Fjord Wolves', LOL, ['Ulfr', 'Skadi', 'Fenrir', 'Bjorn', 'Sigrid']),
    ('Tidal Lions', LOL, ['Singa', 'Laut', 'Ombak', 'Karang', 'Pasang']),
    ('Redwood Academy', LOL, ['Sequoia', 'Pine', 'Cedar', 'Maple', 'Birch']),
    ('부산 이글스', APEX, ['갈매기', 'Haeundae', '광안']),
    ('Outback Raptors', APEX, ['Dingo', 'Wombat', 'Koala']),
    ('Manila Phoenix', APEX, ['Bayani', 'Sampaguita', 'Adobo']),
    ('Night Owls', APEX, ['Owlet', 'Screech', 'Barnaby']),
    ('Kitsune Gaming', APEX, ['Inari', 'Tanuki', 'Mochi']),
    ('제주 블루', APEX, ['한라', '감귤', '돌하르방']),
    ('Jaguar Esports', APEX, ['Onça', 'Pantera', 'Caju']),
    ('Ghost Protocol', APEX, ['Specter', 'Shade', 'Phantom']),
]
NULL_ROLE = {'Brisa', 'Raijin', 'Drifter', 'Moonlit'}
EXTRA_PLAYERS = [('Moonlit', 'Lunar Academy', 'mid'), ('달빛', 'Lunar Academy', 'support'),
                 ('Drifter', None, None), ('나그네', None, 'fragger')]

players = []          # (id, nickname, team_id, role)
roster = {}           # (team, game) -> [(pid, role_index)]
for team, game, nicks in ROSTERS:
    roles = {VAL: VROLES, LOL: LROLES, APEX: AROLES}[game]
    for i, n in enumerate(nicks):
        pid = len(players) + 1
        players.append((pid, n, TID[team], None if n in NULL_ROLE else roles[i]))
        roster.setdefault((team, game), []).append((pid, i))
for n, team, role in EXTRA_PLAYERS:
    players.append((len(players) + 1, n, TID[team] if team else None, None if n in NULL_ROLE else role))

matches, mteams, mplayers = [], [], []


def split(total, weights):
    """Split an integer total into len(weights) parts proportional-ish to weights."""
    parts = [0] * len(weights)
    for _ in range(total):
        x = R.random() * sum(weights)
        for i, w in enumerate(weights):
            x -= w
            if x <= 0:
                parts[i] += 1
                break
        else:
            parts[-1] += 1
    return parts


def beats(a, b):
    return R.random() < STR[a] / (STR[a] + STR[b])


def add_match(tid, when, stage, mapname, fmt):
    mid = len(matches) + 1
    matches.append((mid, tid, when, stage, mapname, fmt))
    return mid


KW = {VAL: [1.6, 1.1, 0.9, 1.0, 1.0], LOL: [1.0, 1.0, 1.4, 1.6, 0.3], APEX: [1.0, 1.5, 0.8]}


def player_lines(mid, team, game, kills, deaths, scale):
    ps = roster[(team, game)]
    kp = split(kills, [KW[game][r] for _, r in ps])
    dp = split(deaths, [1.0] * len(ps))
    for (pid, r), k, d in zip(ps, kp, dp):
        if game == LOL:
            a = R.randint(kills // 3, max(kills // 3, kills)) if r in (1, 4) else R.randint(kills // 4, max(kills // 4, kills * 2 // 3))
            dmg = scale * R.randint(6000, 11000) + k * R.randint(600, 1100)
        else:
            a = R.randint(0, max(1, k // 2 + 3))
            dmg = k * R.randint(130, 170) + R.randint(150, 900)
        mplayers.append((mid, pid, k, d, a, dmg))


VMAPS = ['Ascent', 'Bind', 'Haven', 'Lotus', 'Sunset', 'Split', 'Icebox']


def val_map(tid, when, stage, a, b, mapname):
    mid = add_match(tid, when, stage, mapname, 'versus')
    w, l = (a, b) if beats(a, b) else (b, a)
    if R.random() < 0.2:
        ws, ls = R.choice([(14, 12), (15, 13)])
    else:
        ws, ls = 13, R.randint(3, 11)
    rounds = ws + ls
    wk = R.randint(int(rounds * 3.1), int(rounds * 3.8))
    lk = R.randint(int(rounds * 2.3), int(rounds * 3.1))
    mteams.append((mid, TID[w], 1, ws, wk))
    mteams.append((mid, TID[l], 2, ls, lk))
    player_lines(mid, w, VAL, wk, lk, 1)
    player_lines(mid, l, VAL, lk, wk, 1)
    return w, l, ws, ls


def lol_series(tid, when, stage, a, b, bo):
    mid = add_match(tid, when, stage, None, 'versus')
    need = bo // 2 + 1
    wa = wb = 0
    ka = kb = 0
    while wa < need and wb < need:
        if beats(a, b):
            wa += 1
            ka += R.randint(14, 27); kb += R.randint(3, 14)
        else:
            wb += 1
            kb += R.randint(14, 27); ka += R.randint(3, 14)
    games = wa + wb
    if wa > wb:
        w, l, ws, ls, wk, lk = a, b, wa, wb, ka, kb
    else:
        w, l, ws, ls, wk, lk = b, a, wb, wa, kb, ka
    mteams.append((mid, TID[w], 1, ws, wk))
    mteams.append((mid, TID[l], 2, ls, lk))
    player_lines(mid, w, LOL, wk, lk, games)
    player_lines(mid, l, LOL, lk, wk, games)
    return w, l, ws, ls


APTS = {1: 12, 2: 9, 3: 7, 4: 5, 5: 4, 6: 3, 7: 2, 8: 1}
AMAPS = ["World's Edge", 'Storm Point', 'E-District', 'Broken Moon']


def apex_match(tid, when, stage, mapname, squads, totals):
    mid = add_match(tid, when, stage, mapname, 'ranking')
    keyed = sorted(squads, key=lambda s: -(STR[s] + R.random() * 6))
    for place, s in enumerate(keyed, 1):
        k = max(0, int(R.gauss(9 - place, 2.5)))
        pts = APTS[place] + k
        totals[s] = totals.get(s, 0) + pts
        mteams.append((mid, TID[s], place, pts, k))
        ps = roster[(s, APEX)]
        kp = split(k, [KW[APEX][r] for _, r in ps])
        if place == 1:
            ds = [R.randint(0, 1) for _ in ps]
            ds[R.randrange(len(ps))] = 0
        else:
            ds = [1] * len(ps)
        for (pid, r), kk, d in zip(ps, kp, ds):
            dmg = kk * R.randint(160, 220) + R.randint(120, 700)
            mplayers.append((mid, pid, kk, d, R.randint(0, kk + 2), dmg))


def standings(results, teams):
    pts = {t: [0, 0] for t in teams}
    for w, l, ws, ls in results:
        pts[w][0] += 1
        pts[w][1] += ws - ls
        pts[l][1] -= ws - ls
    return sorted(teams, key=lambda t: (-pts[t][0], -pts[t][1], TID[t]))


def rr_pairs(teams):
    return [(teams[i], teams[j]) for i in range(len(teams)) for j in range(i + 1, len(teams))]


# ---- 1. Han River Valorant Clash 2024: two groups of three (Bo1 maps), semifinal, final
ga = ['서울 다이나모', 'Night Owls', 'Samba Strike']
gb = ['Kitsune Gaming', 'Aurora Five', '대전 스톰']
res_a = [val_map(1, '2024-10-05 %02d:00:00' % h, 'group', a, b, m)
         for (a, b), h, m in zip(rr_pairs(ga), (14, 16, 18), ('Ascent', 'Bind', 'Haven'))]
res_b = [val_map(1, '2024-10-06 %02d:00:00' % h, 'group', a, b, m)
         for (a, b), h, m in zip(rr_pairs(gb), (14, 16, 18), ('Lotus', 'Ascent', 'Split'))]
sa, sb = standings(res_a, ga), standings(res_b, gb)
s1 = val_map(1, '2024-10-19 15:00:00', 'semifinal', sa[0], sb[1], 'Haven')
s2 = val_map(1, '2024-10-19 18:00:00', 'semifinal', sb[0], sa[1], 'Bind')
val_map(1, '2024-10-20 17:00:00', 'final', s1[0], s2[0], 'Ascent')

# ---- 2. Seoul LoL Spring Split 2025: round robin of six (Bo3), semifinal and final (Bo5)
lt = ['한빛 레드', 'Dragon Gate', '대전 스톰', 'Fjord Wolves', 'Tidal Lions', 'Redwood Academy']
days = ['2025-03-22', '2025-03-23', '2025-03-29', '2025-03-30', '2025-04-05']
pairs = rr_pairs(lt)
R.shuffle(pairs)
res = []
for i, (a, b) in enumerate(pairs):
    res.append(lol_series(2, '%s %02d:00:00' % (days[i // 3], (13, 16, 19)[i % 3]), 'group', a, b, 3))
st = standings(res, lt)
f1 = lol_series(2, '2025-04-12 14:00:00', 'semifinal', st[0], st[3], 5)
f2 = lol_series(2, '2025-04-12 19:00:00', 'semifinal', st[1], st[2], 5)
lol_series(2, '2025-04-13 17:00:00', 'final', f1[0], f2[0], 5)

# ---- 3. Apex Pacific Showdown 2025: 6 squads, 4 group + 4 final matches
sq = ['부산 이글스', 'Outback Raptors', 'Manila Phoenix', 'Night Owls', 'Kitsune Gaming', '제주 블루']
tot = {}
for i in range(4):
    apex_match(3, '2025-06-14 %02d:00:00' % (13 + i), 'group', AMAPS[i % 3], sq, tot)
tot = {}
for i in range(4):
    apex_match(3, '2025-06-15 %02d:00:00' % (13 + i), 'final', AMAPS[(i + 1) % 3], sq, tot)

# ---- 4. Valorant Masters Busan 2025: round robin of four, semifinal, final, one showmatch (stage NULL)
vt = ['서울 다이나모', 'Night Owls', 'Aurora Five', '대전 스톰']
res = []
mp = ['Sunset', 'Icebox', 'Lotus', 'Bind', 'Split', 'Haven']
for i, (a, b) in enumerate(rr_pairs(vt)):
    res.append(val_map(4, '%s %02d:00:00' % (('2025-11-08', '2025-11-09')[i // 3], (14, 17, 20)[i % 3]), 'group', a, b, mp[i]))
st = standings(res, vt)
s1 = val_map(4, '2025-11-15 15:00:00', 'semifinal', st[0], st[3], 'Ascent')
s2 = val_map(4, '2025-11-15 18:00:00', 'semifinal', st[1], st[2], 'Sunset')
val_map(4, '2025-11-16 13:00:00', None, s1[1], s2[1], 'Icebox')
val_map(4, '2025-11-16 18:00:00', 'final', s1[0], s2[0], 'Lotus')

# ---- 5. Apex Pacific Showdown 2026: 8 squads, 5 group matches, top 6 by group points play 4 finals
sq = sq + ['Jaguar Esports', 'Ghost Protocol']
tot = {}
for i in range(5):
    apex_match(5, '2026-02-21 %02d:30:00' % (12 + i), 'group', AMAPS[i % 4], sq, tot)
top6 = sorted(sq, key=lambda s: (-tot[s], TID[s]))[:6]
tot = {}
for i in range(4):
    apex_match(5, '2026-02-22 %02d:30:00' % (14 + i), 'final', AMAPS[(i + 2) % 4], top6, tot)

# ---- 6. Incheon LoL Invitational 2026: round robin of four (Bo3), final (Bo5)
lt = ['한빛 레드', 'Dragon Gate', '대전 스톰', 'Tidal Lions']
res = []
for i, (a, b) in enumerate(rr_pairs(lt)):
    res.append(lol_series(6, '%s %02d:00:00' % (('2026-05-30', '2026-05-31')[i // 3], (13, 16, 19)[i % 3]), 'group', a, b, 3))
st = standings(res, lt)
lol_series(6, '2026-06-07 18:00:00', 'final', st[0], st[1], 5)

# Damage was not recorded for the Han River 2024 semifinals (scoreboard export failed).
SEMI_NULL = {m[0] for m in matches if m[1] == 1 and m[3] == 'semifinal'}
mplayers = [(m, p, k, d, a, None if m in SEMI_NULL else dmg) for m, p, k, d, a, dmg in mplayers]


def main():
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    out = sys.argv[1]
    if os.path.exists(out):
        os.remove(out)
    con = sqlite3.connect(out)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', [(TID[n], n, r) for n, r, _ in TEAMS])
    con.executemany('INSERT INTO players VALUES (?,?,?,?)', players)
    con.executemany('INSERT INTO matches VALUES (?,?,?,?,?,?)', matches)
    con.executemany('INSERT INTO match_teams VALUES (?,?,?,?,?)', mteams)
    con.executemany('INSERT INTO match_players VALUES (?,?,?,?,?,?)', mplayers)
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %d' % (t, con.execute('SELECT COUNT(*) FROM ' + t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    main()
