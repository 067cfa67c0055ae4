#!/usr/bin/env python3
"""Build the sql-fresh27 test world: python3 build_db.py OUT.db

Standard library only and deterministic (random.Random(2727)). Prints the row count of each table.
The world: 6 tournaments over 3 games (Rainbow Six Siege, Overwatch 2, Apex Legends), 2024-2026,
19 teams, 81 players. Match results are written by hand below; per-player statistics are simulated
so that they add up (team kills = sum of its players' kills; in versus matches a team's deaths equal
the other team's kills).
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

R6, OW, APEX = 'Rainbow Six Siege', 'Overwatch 2', 'Apex Legends'

# id, name, game, start, end
TOURNAMENTS = [
    (1, 'Busan Siege Open 2024', R6, '2024-05-10', '2024-05-12'),
    (2, 'Han River Siege Invitational 2025', R6, '2025-03-29', '2025-04-06'),
    (3, 'Apex Circuit Asia 2025', APEX, '2025-08-02', '2025-08-03'),
    (4, 'Overwatch Pacific Showdown 2025', OW, '2025-10-11', '2025-10-19'),
    (5, 'Apex Winter Clash 2026', APEX, '2026-01-17', '2026-01-18'),
    (6, 'Incheon OW Cup 2026', OW, '2026-05-23', '2026-05-24'),
]

# key, name, region
TEAMS = [
    ('BH', 'Blackhawk Gaming', 'KR'),
    ('BK', '불꽃 게이밍', 'KR'),
    ('SO', 'Team Solstice', 'EU'),
    ('KU', 'Kuroshio', 'JP'),
    ('VA', 'Vanta Esports', 'NA'),
    ('IL', 'Iron Lotus', 'CN'),
    ('NF', 'Nebula Five', 'KR'),
    ('HB', '한빛 레이더스', 'KR'),
    ('MS', 'Maple Storm', 'NA'),
    ('AU', 'Aurora.GG', 'EU'),
    ('TC', 'Tidecallers', 'OCE'),
    ('SF', 'Sunfire', 'SEA'),
    ('GP', 'Ghost Pepper', 'NA'),
    ('CD', '천둥번개', 'KR'),
    ('ON', 'Onyx.J', 'JP'),
    ('VS', 'Verde Squad', 'BR'),
    ('DR', 'Dune Riders', None),
    ('PN', 'Polar Night', 'EU'),
    ('ZP', 'Zero Point', 'NA'),      # registered, never played
]

# nickname, team key (None = free agent), role
PLAYERS = [
    ('Raven', 'BH', 'entry'), ('Sol.K', 'BH', 'igl'), ('Haneul', 'BH', 'flex'), ('Tteok', 'BH', 'support'),
    ('Mirae', 'BH', 'anchor'), ('Mingo', 'BH', None),
    ('불사조', 'BK', 'entry'), ('Jjang-A', 'BK', 'igl'), ('Pyro', 'BK', 'support'), ('Dalgona', 'BK', 'flex'),
    ('Ember', 'BK', 'anchor'),
    ('Lukka', 'SO', 'entry'), ('Vik.S', 'SO', 'igl'), ('Nordlys', 'SO', 'flex'), ('Cassius', 'SO', 'support'),
    ('Brenn', 'SO', None),
    ('Kaito', 'KU', 'entry'), ('Shin.Ji', 'KU', 'igl'), ('Hotaru', 'KU', 'support'), ('Ren', 'KU', 'flex'),
    ('Yuzu', 'KU', 'anchor'),
    ('Blitzkid', 'VA', 'entry'), ('Mav', 'VA', 'igl'), ('Coldbrew', 'VA', 'support'), ('Dex_', 'VA', 'flex'),
    ('Tundra', 'VA', 'anchor'),
    ('Xiaolong', 'IL', 'entry'), ('Jin.Y', 'IL', 'igl'), ('Baihu', 'IL', 'support'), ('Wenli', 'IL', 'flex'),
    ('Qiu', 'IL', 'anchor'),
    ('Titan', 'NF', 'tank'), ('Byeol', 'NF', 'dps'), ('Ssak', 'NF', 'dps'), ('Mercy.Lee', 'NF', 'support'),
    ('Kkami', 'NF', 'support'),
    ('돌격대장', 'HB', 'tank'), ('Ace.K', 'HB', 'dps'), ('Hwarang', 'HB', 'dps'), ('치유', 'HB', 'support'),
    ('Gomdori', 'HB', 'support'),
    ('Moose', 'MS', 'tank'), ('Flicker', 'MS', 'dps'), ('Juno', 'MS', 'dps'), ('Kindle', 'MS', 'support'),
    ('Patch', 'MS', None),
    ('Fjord', 'AU', 'tank'), ('Lumen', 'AU', 'dps'), ('Vesper', 'AU', 'dps'), ('Halo', 'AU', 'support'),
    ('Mistral', 'AU', 'support'),
    ('Reef', 'TC', 'tank'), ('Kookaburra', 'TC', 'dps'), ('Swell', 'TC', 'dps'), ('Driftwood', 'TC', 'support'),
    ('Marlin', 'TC', None),
    ('Suria', 'SF', 'igl'), ('Bayu', 'SF', 'fragger'), ('Lintang', 'SF', 'support'),
    ('Jalapeno', 'GP', 'igl'), ('Scoville', 'GP', 'fragger'), ('Habanero', 'GP', 'support'),
    ('번개', 'CD', 'fragger'), ('Cheondung', 'CD', 'igl'), ('Bolt.J', 'CD', 'support'),
    ('Kuro', 'ON', 'igl'), ('Sora.N', 'ON', 'fragger'), ('Tama', 'ON', 'support'),
    ('Capivara', 'VS', 'igl'), ('Tucano', 'VS', 'fragger'), ('Jiboia', 'VS', 'support'), ('Pipoca', 'VS', None),
    ('Sandstorm', 'DR', 'igl'), ('Mirage_X', 'DR', 'fragger'), ('Oasis', 'DR', None),
    ('Frostbyte', 'PN', 'igl'), ('Nanook', 'PN', 'fragger'), ('Isbjorn', 'PN', 'support'),
    ('Null.Ptr', 'ZP', None), ('Hexa', 'ZP', None),
    ('Wanderer', None, 'flex'),
]

# Versus matches: (tournament id, played_at, stage, map, team A, team B, score A, score B)
# Rainbow Six Siege: one map per match, score = rounds won. Overwatch 2: a series, score = maps won, map NULL.
VERSUS = [
    (1, '2024-05-10 13:00:00', 'group', 'Clubhouse', 'BH', 'KU', 7, 4),
    (1, '2024-05-10 14:30:00', 'group', 'Oregon', 'BK', 'VA', 7, 5),
    (1, '2024-05-10 16:00:00', 'group', 'Bank', 'SO', 'BH', 8, 6),
    (1, '2024-05-10 17:30:00', 'group', 'Chalet', 'KU', 'VA', 7, 2),
    (1, '2024-05-10 19:00:00', 'group', 'Border', 'BK', 'SO', 7, 3),
    (1, '2024-05-11 13:00:00', 'group', 'Kafe Dostoyevsky', 'BH', 'VA', 7, 1),
    (1, '2024-05-11 14:30:00', 'group', 'Clubhouse', 'KU', 'BK', 7, 5),
    (1, '2024-05-11 16:00:00', 'group', 'Oregon', 'SO', 'VA', 7, 4),
    (1, '2024-05-11 17:30:00', 'group', 'Bank', 'BH', 'BK', 7, 5),
    (1, '2024-05-11 19:00:00', 'group', 'Chalet', 'SO', 'KU', 7, 5),
    (1, '2024-05-12 14:00:00', 'semifinal', 'Border', 'KU', 'BH', 7, 5),
    (1, '2024-05-12 16:00:00', 'semifinal', 'Clubhouse', 'SO', 'BK', 7, 3),
    (1, '2024-05-12 18:00:00', 'final', 'Bank', 'SO', 'KU', 8, 6),

    (2, '2025-03-29 14:00:00', 'group', 'Clubhouse', 'BH', 'IL', 7, 3),
    (2, '2025-03-29 16:00:00', 'group', 'Oregon', 'BK', 'VA', 7, 4),
    (2, '2025-03-30 14:00:00', 'group', 'Bank', 'KU', 'IL', 7, 5),
    (2, '2025-03-30 16:00:00', 'group', 'Kafe Dostoyevsky', 'VA', 'SO', 7, 5),
    (2, '2025-03-31 14:00:00', 'group', 'Chalet', 'BH', 'KU', 8, 6),
    (2, '2025-03-31 16:00:00', 'group', 'Border', 'BK', 'SO', 7, 2),
    (2, '2025-04-02 14:00:00', 'quarterfinal', 'Clubhouse', 'SO', 'KU', 7, 3),
    (2, '2025-04-02 16:00:00', 'quarterfinal', 'Bank', 'IL', 'VA', 7, 4),
    (2, '2025-04-04 15:00:00', 'semifinal', 'Oregon', 'IL', 'BH', 7, 5),
    (2, '2025-04-04 17:00:00', 'semifinal', 'Kafe Dostoyevsky', 'BK', 'SO', 8, 6),
    (2, '2025-04-06 18:00:00', 'final', 'Border', 'BK', 'IL', 7, 4),

    (4, '2025-10-11 13:00:00', 'group', None, 'NF', 'TC', 2, 0),
    (4, '2025-10-11 15:00:00', 'group', None, 'HB', 'MS', 2, 1),
    (4, '2025-10-11 17:00:00', 'group', None, 'AU', 'TC', 2, 1),
    (4, '2025-10-12 13:00:00', 'group', None, 'NF', 'MS', 2, 0),
    (4, '2025-10-12 15:00:00', 'group', None, 'AU', 'HB', 2, 1),
    (4, '2025-10-12 17:00:00', 'group', None, 'MS', 'TC', 2, 0),
    (4, '2025-10-13 13:00:00', 'group', None, 'NF', 'AU', 2, 0),
    (4, '2025-10-13 15:00:00', 'group', None, 'HB', 'TC', 2, 1),
    (4, '2025-10-13 17:00:00', 'group', None, 'MS', 'AU', 2, 1),
    (4, '2025-10-13 19:00:00', 'group', None, 'HB', 'NF', 2, 1),
    (4, '2025-10-18 14:00:00', 'semifinal', None, 'NF', 'MS', 3, 0),
    (4, '2025-10-18 17:00:00', 'semifinal', None, 'AU', 'HB', 3, 2),
    (4, '2025-10-19 17:00:00', 'final', None, 'NF', 'AU', 3, 2),

    (6, '2026-05-23 14:00:00', 'semifinal', None, 'HB', 'NF', 3, 1),
    (6, '2026-05-23 17:00:00', 'semifinal', None, 'MS', 'AU', 3, 2),
    (6, '2026-05-24 18:00:00', 'final', None, 'HB', 'MS', 3, 0),
]

# Ranking (battle royale) matches: (tournament id, played_at, stage, map, finishing order)
RANKING = [
    (3, '2025-08-02 15:00:00', None, "World's Edge", ['CD', 'SF', 'GP', 'ON', 'VS', 'DR']),
    (3, '2025-08-02 16:00:00', None, 'Storm Point', ['SF', 'ON', 'CD', 'DR', 'GP', 'VS']),
    (3, '2025-08-02 17:00:00', None, 'Broken Moon', ['GP', 'CD', 'SF', 'VS', 'DR', 'ON']),
    (3, '2025-08-03 15:00:00', None, "World's Edge", ['CD', 'GP', 'VS', 'SF', 'ON', 'DR']),
    (3, '2025-08-03 16:00:00', None, 'Storm Point', ['ON', 'SF', 'CD', 'GP', 'DR', 'VS']),
    (3, '2025-08-03 17:00:00', None, 'E-District', ['SF', 'VS', 'GP', 'CD', 'ON', 'DR']),

    (5, '2026-01-17 14:00:00', 'group', 'Storm Point', ['PN', 'CD', 'SF', 'GP', 'ON', 'VS', 'DR']),
    (5, '2026-01-17 15:00:00', 'group', 'E-District', ['GP', 'SF', 'PN', 'CD', 'DR', 'ON', 'VS']),
    (5, '2026-01-17 16:00:00', 'group', "World's Edge", ['CD', 'ON', 'GP', 'SF', 'PN', 'VS', 'DR']),
    (5, '2026-01-17 17:00:00', 'group', 'Broken Moon', ['SF', 'GP', 'DR', 'CD', 'VS', 'PN', 'ON']),
    (5, '2026-01-18 14:00:00', 'final', 'Storm Point', ['CD', 'PN', 'SF', 'GP', 'ON', 'DR', 'VS']),
    (5, '2026-01-18 15:00:00', 'final', 'E-District', ['VS', 'CD', 'GP', 'SF', 'PN', 'ON', 'DR']),
    (5, '2026-01-18 16:00:00', 'final', "World's Edge", ['PN', 'SF', 'CD', 'ON', 'GP', 'VS', 'DR']),
    (5, '2026-01-18 17:00:00', 'final', 'Storm Point', ['CD', 'GP', 'SF', 'PN', 'VS', 'DR', 'ON']),
]

PLACEMENT_POINTS = [12, 9, 7, 5, 4, 3, 2]

# The damage feed failed for this match: damage is NULL for all its players.
NO_DAMAGE_AT = '2024-05-10 16:00:00'


def lineup(team, tid, by_team):
    """Players who take the field for a team in a tournament."""
    ps = list(by_team[team])
    if team == 'BH':  # Mirae played 2024, the sub Mingo replaced him in 2025
        ps = [p for p in ps if p['nick'] != ('Mingo' if tid == 1 else 'Mirae')]
    if team == 'VS':  # Pipoca is a bench player who never played
        ps = [p for p in ps if p['nick'] != 'Pipoca']
    return ps


def pick(rng, players, weights, exclude=None):
    cand = [(p, w) for p, w in zip(players, weights) if p is not exclude]
    total = sum(w for _, w in cand)
    x = rng.random() * total
    for p, w in cand:
        x -= w
        if x <= 0:
            return p
    return cand[-1][0]


def r6_match(rng, side_a, side_b, score_a, score_b):
    """Simulate a Siege map round by round. Returns {player: [k, d, a, dmg]}."""
    stats = {p['nick']: [0, 0, 0, 0] for p in side_a + side_b}
    rounds = ['A'] * score_a + ['B'] * score_b
    last = rounds.pop(rounds.index('A' if score_a > score_b else 'B'))
    rng.shuffle(rounds)
    rounds.append(last)
    for w in rounds:
        win, lose = (side_a, side_b) if w == 'A' else (side_b, side_a)
        n_win = rng.choice([5, 5, 4, 4, 3])       # kills by the round winner
        n_lose = rng.choice([0, 1, 1, 2, 2, 3, 4])  # kills by the round loser
        for killers, victims, n in ((win, lose, n_win), (lose, win, n_lose)):
            alive_v = list(victims)
            alive_k = list(killers)
            for _ in range(min(n, len(alive_v))):
                k = pick(rng, alive_k, [p['skill'] for p in alive_k])
                v = alive_v.pop(rng.randrange(len(alive_v)))
                stats[k['nick']][0] += 1
                stats[k['nick']][3] += rng.randint(90, 140)
                stats[v['nick']][1] += 1
                if rng.random() < 0.45 and len(alive_k) > 1:
                    a = pick(rng, alive_k, [1.0] * len(alive_k), exclude=k)
                    stats[a['nick']][2] += 1
                    stats[a['nick']][3] += rng.randint(30, 70)
        for p in side_a + side_b:
            stats[p['nick']][3] += rng.randint(0, 35)
    return stats


OW_DMG = {'tank': (6500, 9500), 'dps': (7500, 11500), 'support': (3000, 5500), None: (5000, 8000)}
OW_KILLW = {'tank': 1.0, 'dps': 1.5, 'support': 0.5, None: 0.9}
OW_ASSW = {'tank': 1.2, 'dps': 0.8, 'support': 1.6, None: 1.0}


def ow_match(rng, side_a, side_b, score_a, score_b):
    """Simulate an Overwatch series map by map."""
    stats = {p['nick']: [0, 0, 0, 0] for p in side_a + side_b}
    maps = ['A'] * score_a + ['B'] * score_b
    for w in maps:
        win, lose = (side_a, side_b) if w == 'A' else (side_b, side_a)
        for killers, victims, n in ((win, lose, rng.randint(20, 32)), (lose, win, rng.randint(11, 24))):
            for _ in range(n):
                k = pick(rng, killers, [OW_KILLW[p['role']] * p['skill'] for p in killers])
                v = pick(rng, victims, [1.2 if p['role'] == 'tank' else 1.0 for p in victims])
                stats[k['nick']][0] += 1
                stats[v['nick']][1] += 1
                for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                    a = pick(rng, killers, [OW_ASSW[p['role']] for p in killers], exclude=k)
                    stats[a['nick']][2] += 1
        for p in side_a + side_b:
            lo, hi = OW_DMG[p['role']]
            stats[p['nick']][3] += int(rng.randint(lo, hi) * p['skill'])
    return stats


def apex_match(rng, side, place, n_teams):
    """One battle-royale game for one squad."""
    stats = {p['nick']: [0, 0, 0, 0] for p in side}
    top = n_teams - place  # 0 for last place
    n_kills = max(0, rng.randint(0, 3) + top + rng.choice([0, 0, 1, 2]) - 1)
    for _ in range(n_kills):
        k = pick(rng, side, [(1.5 if p['role'] == 'fragger' else 1.0) * p['skill'] for p in side])
        stats[k['nick']][0] += 1
        stats[k['nick']][3] += rng.randint(120, 220)
        if rng.random() < 0.6:
            a = pick(rng, side, [1.0] * len(side), exclude=k)
            stats[a['nick']][2] += 1
            stats[a['nick']][3] += rng.randint(40, 110)
    for p in side:
        stats[p['nick']][3] += rng.randint(90, 520)
        stats[p['nick']][1] = (1 if rng.random() < 0.3 else 0) if place == 1 else 1
    return stats


def build(path):
    rng = random.Random(2727)
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    team_id = {}
    for i, (key, name, region) in enumerate(TEAMS, 1):
        team_id[key] = i
        con.execute('INSERT INTO teams VALUES (?,?,?)', (i, name, region))
    by_team = {}
    player_id = {}
    for i, (nick, team, role) in enumerate(PLAYERS, 1):
        player_id[nick] = i
        con.execute('INSERT INTO players VALUES (?,?,?,?)', (i, nick, team_id.get(team), role))
        skill = round(rng.uniform(0.75, 1.3), 3)
        by_team.setdefault(team, []).append({'nick': nick, 'role': role, 'skill': skill})

    fmt_game = {t[0]: t[2] for t in TOURNAMENTS}
    events = [('v',) + m for m in VERSUS] + [('r',) + m for m in RANKING]
    events.sort(key=lambda e: e[2])
    for mid, ev in enumerate(events, 1):
        if ev[0] == 'v':
            _, tid, when, stage, mp, a, b, sa, sb = ev
            con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (mid, tid, when, stage, mp, 'versus'))
            side_a, side_b = lineup(a, tid, by_team), lineup(b, tid, by_team)
            sim = r6_match if fmt_game[tid] == R6 else ow_match
            stats = sim(rng, side_a, side_b, sa, sb)
            for key, side, score, won in ((a, side_a, sa, sa > sb), (b, side_b, sb, sb > sa)):
                kills = sum(stats[p['nick']][0] for p in side)
                con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)',
                            (mid, team_id[key], 1 if won else 2, score, kills))
                for p in side:
                    k, d, a_, dmg = stats[p['nick']]
                    if when == NO_DAMAGE_AT:
                        dmg = None
                    con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                                (mid, player_id[p['nick']], k, d, a_, dmg))
        else:
            _, tid, when, stage, mp, order = ev
            con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (mid, tid, when, stage, mp, 'ranking'))
            for place, key in enumerate(order, 1):
                side = lineup(key, tid, by_team)
                stats = apex_match(rng, side, place, len(order))
                kills = sum(s[0] for s in stats.values())
                points = PLACEMENT_POINTS[place - 1] + kills
                con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (mid, team_id[key], place, points, kills))
                for p in side:
                    k, d, a_, dmg = stats[p['nick']]
                    con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                                (mid, player_id[p['nick']], k, d, a_, dmg))
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    build(sys.argv[1])
