#!/usr/bin/env python3
"""Build the sql-fresh36 test database: python3 build_db.py OUT.db (standard library only, deterministic)."""
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

TOURNAMENTS = [
    # id, name, game, start, end
    (1, 'Harbor Siege Invitational 2024', R6, '2024-05-10', '2024-05-19'),
    (2, 'Busan Night Clash 2024', OW, '2024-11-22', '2024-12-08'),
    (3, '정글 배틀로얄 컵 2025', APEX, '2025-03-14', '2025-03-16'),
    (4, 'Frostline Siege Masters 2025', R6, '2025-08-01', '2025-08-10'),
    (5, 'Apex Tidal Circuit 2026', APEX, '2026-02-06', '2026-02-08'),
    (6, 'Overtime Open 2026', OW, '2026-04-17', '2026-04-26'),
]

# id, name, region, game, strength
TEAMS = [
    (1, 'Velvet Anchor', 'EU', R6, 8),
    (2, '까치발', 'KR', R6, 7),
    (3, 'Iron Lotus', 'JP', R6, 6),
    (4, 'Ember.Falls', 'BR', R6, 5),
    (5, 'Bamboo', 'SEA', R6, 4),
    (6, 'Nullpointer', 'EU', R6, 6),
    (7, '파란여우', 'KR', OW, 8),
    (8, 'Quiet Storm', 'NA', OW, 6),
    (9, 'Mint Condition', 'NA', OW, 5),
    (10, '달빛기사단', 'KR', OW, 7),
    (11, 'Nordlys', 'EU', OW, 4),
    (12, 'Tofu Cartel', 'JP', APEX, 7),
    (13, 'Salt Lake Ghosts', 'NA', APEX, 6),
    (14, '소나기', 'KR', APEX, 8),
    (15, 'Koala Kommand', 'OCE', APEX, 5),
    (16, 'Red Lantern', 'CN', APEX, 6),
    (17, 'Pixel Monks', 'SEA', APEX, 4),
    (18, 'Gaucho', 'BR', APEX, 5),
    (19, 'Seven Owls', None, APEX, 5),
    (20, 'Hotel Tango', 'OCE', None, 0),   # registered, never played
]

ROSTERS = {
    1: [('v4lk', 'entry'), ('Morrow', 'anchor'), ('pip.squeak', 'support'), ('Kestrel_9', 'igl'), ('Oslo', 'flex')],
    2: [('참새', 'entry'), ('j1nu', 'support'), ('돌쇠', 'anchor'), ('Hwa_Rang', 'igl'), ('나비.7', None)],
    3: [('kuro_neko', 'entry'), ('Sakura.exe', 'flex'), ('t0fu_boy', 'support'), ('Ronin77', 'anchor'), ('Haiku', 'igl')],
    4: [('Brasa', 'entry'), ('x_Caju_x', 'flex'), ('Samba.9', 'support'), ('Faisca', 'igl'), ('Cinzas', 'anchor')],
    5: [('Durian', 'entry'), ('m0nsoon', 'support'), ('Lagoon', 'flex'), ('Teh.Tarik', 'igl'), ('Rattan_2', None)],
    6: [('segfault', 'entry'), ('0xDEAD', 'flex'), ('Pancake', 'support'), ('null.ptr', 'anchor'), ('Kernel_K', 'igl')],
    7: [('여우비', 'tank'), ('Ssal_12', 'dps'), ('노을', 'dps'), ('b.lue', 'support'), ('모래시계', 'support'), ('Fox_6', None)],
    8: [('Hush', 'tank'), ('rain.drop', 'dps'), ('Thund3r', 'dps'), ('Calm_Sea', 'support'), ('Whisper.99', 'support'), ('Gale', 'dps')],
    9: [('Spearmint', 'tank'), ('c00lbreeze', 'dps'), ('Fresh.Pick', 'dps'), ('Tic_Tac', 'support'), ('Wintergreen', 'support'), ('Herb', 'tank')],
    10: [('달무리', 'tank'), ('Lancelot_3', 'dps'), ('별빛', 'dps'), ('Moon.Shield', 'support'), ('초승달', 'support'), ('기사_K', None)],
    11: [('Aurora', 'tank'), ('fjord.1', 'dps'), ('Skadi', 'dps'), ('Troll_Hunter', 'support'), ('Vinter', 'support'), ('Hygge', None)],
    12: [('Natto_99', 'fragger'), ('miso.soup', 'support'), ('Wasabi', 'igl')],
    13: [('Mormon_Tea', 'fragger'), ('Dune.Rider', 'support'), ('Saltine', 'igl')],
    14: [('천둥', 'fragger'), ('우산_01', 'support'), ('빗방울', 'igl')],
    15: [('Eucalypt', 'fragger'), ('Wombat.3', 'support'), ('Drop_Bear', 'igl'), ('Vegemite', None)],
    16: [('Lantern_8', 'fragger'), ('Hongbao', 'support'), ('Dim.Sum', 'igl')],
    17: [('8bit_Monk', 'fragger'), ('Zen.Pixel', 'support'), ('Sprite', None)],
    18: [('Mate.Amargo', 'fragger'), ('Pampa_5', 'support'), ('Bolas', 'igl')],
    19: [('Hoot', 'fragger'), ('Night.Owl7', 'support'), ('Barn_', 'igl')],
    20: [('Tango_Down', 'fragger'), ('hotel.lobby', None)],
}
FREE_AGENT = ('Wanderer_0', None)

R6_MAPS = ['Clubhouse', 'Oregon', 'Bank', 'Chalet', 'Kafe Dostoyevsky', 'Border']
OW_MAPS = ['Busan', 'Ilios', "King's Row", 'Numbani', 'Lijiang Tower', 'Circuit Royal']
APEX_MAPS = ["World's Edge", 'Storm Point', 'Broken Moon', 'E-District']

# which teams play which tournament
ENTRANTS = {
    1: [1, 2, 3, 4, 5],
    2: [7, 8, 9, 10, 11],
    3: [12, 13, 14, 15, 16, 17, 19],
    4: [1, 2, 3, 4, 6],
    5: [12, 13, 14, 15, 16, 17, 18, 19],
    6: [7, 8, 9, 10, 11],
}
PLACE_PTS = [12, 9, 7, 5, 4, 3, 2, 1]


def build(path):
    rng = random.Random(3636)
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', [(t[0], t[1], t[2]) for t in TEAMS])
    strength = {t[0]: t[4] for t in TEAMS}
    roster = {}
    pid = 0
    for tid in sorted(ROSTERS):
        roster[tid] = []
        for nick, role in ROSTERS[tid]:
            pid += 1
            con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, nick, tid, role))
            roster[tid].append(pid)
    pid += 1
    con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, FREE_AGENT[0], None, FREE_AGENT[1]))

    mid = [0]

    def when(day, slot):
        return '%s %02d:00:00' % (day, [13, 16, 19, 21][slot % 4])

    import datetime

    def days(start, end):
        d0 = datetime.date.fromisoformat(start)
        d1 = datetime.date.fromisoformat(end)
        return [(d0 + datetime.timedelta(n)).isoformat() for n in range((d1 - d0).days + 1)]

    def versus(tour, game, day, slot, stage, mp, a, b, null_damage=False):
        mid[0] += 1
        m = mid[0]
        con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (m, tour, when(day, slot), stage, mp, 'versus'))
        pa = strength[a] / (strength[a] + strength[b])
        win, lose = (a, b) if rng.random() < pa else (b, a)
        if game == R6:
            if rng.random() < 0.2:
                ws, ls = 8, 6
            else:
                ws, ls = 7, rng.randint(0, 5)
            rounds = ws + ls
        else:
            ws = rng.choice([2, 3, 3])
            ls = rng.randint(0, ws - 1)
            rounds = ws + ls
        for team, place, sc in ((win, 1, ws), (lose, 2, ls)):
            if game == OW and len(roster[team]) > 5:
                lineup = list(roster[team][:5])
                if rng.random() < 0.3:
                    lineup[rng.randrange(5)] = roster[team][5]
            else:
                lineup = roster[team]
            tk = 0
            for p in lineup:
                if game == R6:
                    k = rng.randint(0, 3 + rounds // 2) + (2 if place == 1 else 0)
                    d = rng.randint(max(0, rounds // 4 - (2 if place == 1 else 0)), rounds - (3 if place == 1 else 0))
                    a_ = rng.randint(0, 6)
                    dmg = k * rng.randint(95, 140) + a_ * rng.randint(20, 60) + rng.randint(50, 400)
                else:
                    k = rng.randint(3, 14 + rounds * 2) + (3 if place == 1 else 0)
                    d = rng.randint(2, 6 + rounds * 2) - (2 if place == 1 else 0)
                    a_ = rng.randint(1, 15 + rounds * 2)
                    dmg = k * rng.randint(350, 600) + rng.randint(1500, 5000)
                tk += k
                con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                            (m, p, k, d, a_, None if null_damage else dmg))
            con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, team, place, sc, tk))
        return win, lose, ws, ls

    def bracket(tour, game, maps, stage_days, final_map=True, null_damage_match=None):
        teams = ENTRANTS[tour]
        pairs = [(teams[i], teams[j]) for i in range(len(teams)) for j in range(i + 1, len(teams))]
        rng.shuffle(pairs)
        wins = {t: 0 for t in teams}
        diff = {t: 0 for t in teams}
        gdays = stage_days[:-2]
        for n, (a, b) in enumerate(pairs):
            day = gdays[n * len(gdays) // len(pairs)]
            nd = null_damage_match is not None and mid[0] + 1 == null_damage_match
            w, l, ws, ls = versus(tour, game, day, n, 'group', rng.choice(maps), a, b, nd)
            wins[w] += 1
            diff[w] += ws - ls
            diff[l] -= ws - ls
        order = sorted(teams, key=lambda t: (-wins[t], -diff[t], t))
        w1, _, _, _ = versus(tour, game, stage_days[-2], 1, 'semifinal', rng.choice(maps), order[0], order[3])
        w2, _, _, _ = versus(tour, game, stage_days[-2], 2, 'semifinal', rng.choice(maps), order[1], order[2])
        versus(tour, game, stage_days[-1], 2, 'final', rng.choice(maps) if final_map else None, w1, w2)

    def ranking(tour, day_list, stages):
        teams = ENTRANTS[tour]
        for g in range(6):
            mid[0] += 1
            m = mid[0]
            day = day_list[min(g // 2, len(day_list) - 1)]
            mp = APEX_MAPS[g % len(APEX_MAPS)] if g != 5 or tour != 3 else None
            con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (m, tour, when(day, g), stages[g], mp, 'ranking'))
            perf = sorted(teams, key=lambda t: -(strength[t] + rng.random() * 6))
            for place, team in enumerate(perf, 1):
                lineup = list(roster[team][:3])
                if len(roster[team]) > 3 and g % 3 == 2:
                    lineup[0] = roster[team][3]
                tk = 0
                for p in lineup:
                    k = rng.randint(0, 4 + (9 - place) // 2)
                    d = rng.randint(0, 3) if place > 1 else rng.randint(0, 1)
                    a_ = rng.randint(0, 5)
                    dmg = k * rng.randint(180, 260) + a_ * 60 + rng.randint(150, 900)
                    tk += k
                    con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)', (m, p, k, d, a_, dmg))
                con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, team, place, PLACE_PTS[place - 1] + tk, tk))

    bracket(1, R6, R6_MAPS, days('2024-05-10', '2024-05-19'))
    bracket(2, OW, OW_MAPS, days('2024-11-22', '2024-12-08'), final_map=False, null_damage_match=16)
    ranking(3, days('2025-03-14', '2025-03-16'), [None] * 6)
    bracket(4, R6, R6_MAPS, days('2025-08-01', '2025-08-10'))
    ranking(5, days('2026-02-06', '2026-02-08'), ['group'] * 3 + ['final'] * 3)
    bracket(6, OW, OW_MAPS, days('2026-04-17', '2026-04-26'), final_map=False)
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    build(sys.argv[1])
