#!/usr/bin/env python3
"""Build the sql-fresh37 test world: python3 build_db.py OUT.db (standard library only, deterministic)."""
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

TOURNAMENTS = [
    (1, 'Harbor Siege Invitational 2024', 'Rainbow Six Siege', '2024-05-10', '2024-05-19'),
    (2, 'Apex Lantern Series 2024', 'Apex Legends', '2024-11-02', '2024-11-03'),
    (3, 'Apex Lantern Series 2025', 'Apex Legends', '2025-03-15', '2025-03-23'),
    (4, 'Monsoon Siege Masters 2025', 'Rainbow Six Siege', '2025-06-28', '2025-07-06'),
    (5, 'Frostline Dota Cup 2026', 'Dota 2', '2026-01-20', '2026-01-25'),
    (6, 'Winter Siege Clash 2026', 'Rainbow Six Siege', '2026-12-12', None),
]

TEAMS = [
    (1, 'Lantern Moth', 'EU'), (2, '파도소리', 'KR'), (3, 'Saffron Vipers', 'SEA'),
    (4, 'Ember Ravens', 'BR'), (5, 'Hush', 'NA'), (6, '달빛여우', 'KR'),
    (7, 'Crimson Abacus', 'EU'), (8, 'Paper Tigers', 'CN'), (9, 'Glacier Mint', 'NA'), (10, '번개', 'KR'),
    (11, 'Quokka Rising', 'OCE'), (12, 'Tidal.Owls', 'JP'), (13, 'Ironbark', 'OCE'), (14, 'Velvet Kiln', 'JP'),
    (15, 'Nomad Quill', None), (16, '모래시계', 'KR'), (17, 'Sunfish Co', 'SEA'),
    (18, 'Dusk Harbor', 'BR'),
]

R6_ROLES = ['igl', 'entry', 'support', 'flex', 'anchor']
DOTA_ROLES = ['carry', 'mid', 'offlane', 'soft support', 'hard support']
APEX_ROLES = ['igl', 'fragger', 'support']

ROSTERS = {
    1: ['moth.k1ng', 'Vesper_7', 'Ollo', 'gr4ve', 'Pilchard'],
    2: ['물결', 'tide_99', '해오름', 'Bora.x', 'Anchor'],
    3: ['saff_ron', 'Kaala', 'noodle.exe', 'Ratu3', 'viper__0'],
    4: ['Brasa', 'c0rvo', 'Pena_12', 'Tucano', 'ravenzz'],
    5: ['whisper', 'Mute.9', 'sh_sh', 'Quiet_Kid', 'N0ise'],
    6: ['여우비', '달토끼', 'moonfox_2', '초승달', 'Lune.'],
    7: ['abacus_1', 'Kalk', 'Sum.Zero', 'Tally', 'r3d_bead'],
    8: ['zhi_hu', 'Origami', 'Laohu.88', 'fold_it', 'XuanPaper'],
    9: ['Frosty.m', 'mint_j', 'Peppermint', 'icecap_4', 'Glaze'],
    10: ['천둥', 'spark_kr', '섬광', 'Volt.1', '번개맨'],
    11: ['quok.ka', 'Smiley_3', 'Rottnest'],
    12: ['Fukurou', 'ushio_22', 'tide.owl'],
    13: ['bark3r', 'Gum_Tree', 'Eucalypt'],
    14: ['kiln.v', 'Tougei', 'Ash_0'],
    15: ['Wanderer', 'quill.9', 'Nib'],
    16: ['모래', '시계바늘', 'hourglass_7'],
    17: ['mola.mola', 'Sunny_5', 'Finn'],
    18: ['harbor.light', 'Dusk_01'],
}
FREE_AGENT = 'lonewolf_404'

R6_MAPS = ['Clubhouse', 'Oregon', 'Bank', 'Kafe Dostoyevsky', 'Chalet', 'Border']
APEX_MAPS = ["World's Edge", 'Storm Point', 'Broken Moon', 'Olympus']
APEX_POINTS = {1: 12, 2: 9, 3: 7, 4: 5, 5: 4, 6: 3, 7: 2}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'fresh37.db'
    if os.path.exists(out):
        os.remove(out)
    rng = random.Random(3737)
    con = sqlite3.connect(out)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', TEAMS)

    players = []
    roster_ids = {}
    pid = 0
    for tid, nicks in ROSTERS.items():
        roles = R6_ROLES if tid <= 6 else DOTA_ROLES if tid <= 10 else APEX_ROLES
        roster_ids[tid] = []
        for i, nick in enumerate(nicks):
            pid += 1
            role = roles[i % len(roles)]
            players.append([pid, nick, tid, role])
            roster_ids[tid].append(pid)
    pid += 1
    players.append([pid, FREE_AGENT, None, 'flex'])
    # a few unknown roles
    for nick in ('Pilchard', 'ravenzz', 'Glaze', 'Nib', 'Dusk_01'):
        for p in players:
            if p[1] == nick:
                p[3] = None
    con.executemany('INSERT INTO players VALUES (?,?,?,?)', players)

    matches, mteams, mplayers = [], [], []
    mid = [0]

    def new_match(tour, when, stage, mapname, fmt):
        mid[0] += 1
        matches.append((mid[0], tour, when, stage, mapname, fmt))
        return mid[0]

    def player_lines(m, team, n_players, kills_total, game, no_damage=False):
        ids = roster_ids[team][:n_players]
        # split kills among players
        ks = [0] * n_players
        for _ in range(kills_total):
            ks[rng.randrange(n_players)] += 1
        for p, k in zip(ids, ks):
            if game == 'r6':
                d = rng.randint(2, 9)
                a = rng.randint(0, 6)
                dmg = None if no_damage else k * rng.randint(95, 140) + rng.randint(50, 400)
            elif game == 'dota':
                d = rng.randint(1, 12)
                a = rng.randint(3, 25)
                dmg = k * rng.randint(900, 1600) + rng.randint(4000, 15000)
            else:
                d = 1 if rng.random() < 0.8 else 0
                a = rng.randint(0, 4)
                dmg = k * rng.randint(150, 260) + rng.randint(80, 600)
            mplayers.append([m, p, k, d, a, dmg])

    def versus(tour, when, stage, mapname, a, b, game, no_damage=False):
        m = new_match(tour, when, stage, mapname, 'versus')
        if game == 'r6':
            if rng.random() < 0.2:
                ws, ls = 8, 6
            else:
                ws, ls = 7, rng.randint(1, 5)
            wk = rng.randint(24, 40)
            lk = rng.randint(18, 33)
        else:
            ws, ls = 2, rng.choice([0, 1, 1])
            wk = rng.randint(40, 80)
            lk = rng.randint(25, 55)
        win, lose = (a, b) if rng.random() < 0.5 else (b, a)
        mteams.append([m, win, 1, ws, wk])
        mteams.append([m, lose, 2, ls, lk])
        player_lines(m, win, 5, wk, game, no_damage)
        player_lines(m, lose, 5, lk, game, no_damage)
        return m

    # T1: Harbor Siege Invitational 2024, teams 1-6, round robin + semis + final
    r6a = [1, 2, 3, 4, 5, 6]
    day, slot = 10, 0
    for i in range(len(r6a)):
        for j in range(i + 1, len(r6a)):
            when = '2024-05-%02d %02d:00:00' % (day, 13 + 3 * slot)
            versus(1, when, 'group', rng.choice(R6_MAPS), r6a[i], r6a[j], 'r6')
            slot += 1
            if slot == 3:
                slot, day = 0, day + 1
    # standings -> top 4
    def standings(tour_ids, teams):
        wins = {t: 0 for t in teams}
        for m in matches:
            if m[1] in tour_ids and m[3] == 'group':
                for r in mteams:
                    if r[0] == m[0] and r[2] == 1:
                        wins[r[1]] += 1
        return sorted(teams, key=lambda t: (-wins[t], t))
    top = standings({1}, r6a)
    s1 = versus(1, '2024-05-18 15:00:00', 'semifinal', 'Clubhouse', top[0], top[3], 'r6')
    s2 = versus(1, '2024-05-18 19:00:00', 'semifinal', 'Border', top[1], top[2], 'r6')
    w = [r[1] for r in mteams if r[0] in (s1, s2) and r[2] == 1]
    versus(1, '2024-05-19 18:00:00', 'final', 'Oregon', w[0], w[1], 'r6')

    # T2 / T3: Apex Lantern Series, ranking
    def apex(tour, when, stage, mapname, teams):
        m = new_match(tour, when, stage, mapname, 'ranking')
        order = teams[:]
        rng.shuffle(order)
        for place, t in enumerate(order, 1):
            k = rng.randint(0, 9) if place > 3 else rng.randint(3, 12)
            mteams.append([m, t, place, APEX_POINTS[place] + k, k])
            player_lines(m, t, 3, k, 'apex')
    t2 = [11, 12, 13, 14, 16, 17]
    for i, when in enumerate(['2024-11-02 10:00:00', '2024-11-02 11:00:00', '2024-11-02 12:00:00',
                              '2024-11-03 10:00:00', '2024-11-03 11:00:00']):
        apex(2, when, 'group' if i < 3 else 'final', APEX_MAPS[i % 4], t2)
    t3 = [11, 12, 13, 14, 15, 16, 17]
    for i, when in enumerate(['2025-03-15 09:00:00', '2025-03-15 10:00:00', '2025-03-16 09:00:00',
                              '2025-03-16 10:00:00', '2025-03-22 11:00:00', '2025-03-23 11:00:00',
                              '2025-03-23 12:00:00']):
        apex(3, when, 'group' if i < 4 else 'final', APEX_MAPS[(i + 1) % 4], t3)

    # T4: Monsoon Siege Masters 2025 (spans June-July), teams 1-6
    pairs = [(1, 2), (3, 4), (5, 6), (1, 3), (2, 5), (4, 6), (1, 6), (2, 4), (3, 5)]
    dates = ['2025-06-28', '2025-06-28', '2025-06-29', '2025-06-29', '2025-06-30', '2025-06-30',
             '2025-07-01', '2025-07-01', '2025-07-02']
    for k, ((a, b), d) in enumerate(zip(pairs, dates)):
        versus(4, '%s %02d:30:00' % (d, 14 if k % 2 == 0 else 18), 'group', rng.choice(R6_MAPS), a, b, 'r6',
               no_damage=(k == 4))
    top = standings({4}, r6a)
    s1 = versus(4, '2025-07-04 16:00:00', 'semifinal', 'Bank', top[0], top[3], 'r6')
    s2 = versus(4, '2025-07-04 20:00:00', 'semifinal', 'Chalet', top[1], top[2], 'r6')
    w = [r[1] for r in mteams if r[0] in (s1, s2) and r[2] == 1]
    versus(4, '2025-07-06 19:00:00', 'final', 'Kafe Dostoyevsky', w[0], w[1], 'r6')
    # show match with no stage recorded, between the two semifinal losers
    l = [r[1] for r in mteams if r[0] in (s1, s2) and r[2] == 2]
    versus(4, '2025-07-05 17:00:00', None, 'Clubhouse', l[0], l[1], 'r6')

    # T5: Frostline Dota Cup 2026, teams 7-10, map NULL
    dota = [7, 8, 9, 10]
    k = 0
    for i in range(4):
        for j in range(i + 1, 4):
            versus(5, '2026-01-%02d %02d:00:00' % (20 + k // 2, 12 if k % 2 == 0 else 17), 'group', None,
                   dota[i], dota[j], 'dota')
            k += 1
    top = standings({5}, dota)
    s1 = versus(5, '2026-01-24 13:00:00', 'semifinal', None, top[0], top[3], 'dota')
    s2 = versus(5, '2026-01-24 18:00:00', 'semifinal', None, top[1], top[2], 'dota')
    w = [r[1] for r in mteams if r[0] in (s1, s2) and r[2] == 1]
    versus(5, '2026-01-25 19:00:00', 'final', None, w[0], w[1], 'dota')

    # edge NULLs: one missing assists value, one team kill count not recorded
    mplayers[7][4] = None
    con.executemany('INSERT INTO matches VALUES (?,?,?,?,?,?)', matches)
    con.executemany('INSERT INTO match_teams VALUES (?,?,?,?,?)', mteams)
    con.executemany('INSERT INTO match_players VALUES (?,?,?,?,?,?)', mplayers)
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    main()
