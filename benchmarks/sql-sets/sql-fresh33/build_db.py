#!/usr/bin/env python3
"""Build the sql-fresh33 test database: python3 build_db.py OUT.db

Standard library only, deterministic (random.Random(3303)). Prints the row count of each table.
World: three games (Rainbow Six Siege, Apex Legends, Overwatch 2), six tournaments 2024-2026.
"""
import datetime
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

R6 = 'Rainbow Six Siege'
APEX = 'Apex Legends'
OW = 'Overwatch 2'

# (name, game, start, end)
TOURNAMENTS = [
    ('Harbor Lights Invitational 2024', R6, '2024-09-14', '2024-09-22'),
    ('Frostline Siege Masters 2025', R6, '2025-01-27', '2025-02-08'),    # spans two months
    ('Canyon Drop Series 2025', APEX, '2025-05-10', '2025-05-18'),
    ('Paper Lantern Cup 2025', OW, '2025-08-02', '2025-08-10'),
    ('Aurora Ring Finals 2026', APEX, '2026-03-07', '2026-03-15'),
    ('Tidewater Clash 2026', OW, '2026-04-18', '2026-04-26'),
]

# team name, region, strength, [(nickname, role), ...]
TEAMS = [
    # Rainbow Six Siege
    ('Velvet Anchor', 'EU', 0.72, [('Harrowgate', 'entry'), ('p1xel_monk', 'support'), ('Ostrava', 'flex'),
                                   ('kettle.b', 'anchor'), ('Wren_9', 'igl')]),
    ('달빛여우', 'KR', 0.80, [('감자', 'entry'), ('여우비', 'support'), ('k1ra', 'flex'),
                          ('새우깡', 'anchor'), ('Dal.Bit', 'igl')]),
    ('Quartz.Ridge', 'NA', 0.55, [('Tuesday', 'entry'), ('gh0st_pepper', 'support'), ('Ridgeback', 'flex'),
                                  ('mako.22', 'anchor'), ('Lumen', None)]),
    ('Kumo Drifters', 'JP', 0.60, [('Hanabi_03', 'entry'), ('tsuki.no', 'support'), ('Kite', 'flex'),
                                   ('Obento', 'anchor'), ('ryu_77', 'igl')]),
    ('Jaguar Tinta', 'BR', 0.66, [('Caju', 'entry'), ('b4rbosa', 'support'), ('Pimenta', 'flex'),
                                  ('xavi.rs', 'anchor'), ('Tatu_1', 'igl'), ('Bolinho', None)]),
    ('Granite', 'OCE', 0.45, [('Wombat', 'entry'), ('dingo.exe', 'support'), ('Sandfly', 'flex'),
                              ('k00ka', 'anchor'), ('Reef_Shark', 'igl')]),
    # Apex Legends
    ('Orchid Rally', 'SEA', 0.62, [('Mangosteen', 'igl'), ('lil.durian', 'fragger'), ('Kopi_O', 'support'),
                                   ('Satay', None)]),
    ('Ironbark 7', 'OCE', 0.50, [('Gumleaf', 'igl'), ('yabby_3', 'fragger'), ('Bluey.k', 'support')]),
    ('Lotus Hammer', 'CN', 0.75, [('XiaoLong', 'igl'), ('mian_tiao', 'fragger'), ('Hu.Die', 'support'),
                                  ('Baozi99', None)]),
    ('새벽서리', 'KR', 0.70, [('서리', 'igl'), ('새벽3시', 'fragger'), ('frost.bite', 'support')]),
    ('Copperline', 'NA', 0.55, [('Rust_Belt', 'igl'), ('penny.drop', 'fragger'), ('Ohm', 'support')]),
    ('Pale Comet', None, 0.40, [('Halley_', 'igl'), ('tail.light', 'fragger'), ('Perihelion', None)]),
    ('Saltmarsh Kites', 'EU', 0.58, [('Samphire', 'igl'), ('heron.22', 'fragger'), ('Mudlark', 'support')]),
    # Overwatch 2
    ('바람', 'KR', 0.78, [('해달', 'tank'), ('도토리', 'dps'), ('Bae.Ram', 'dps'), ('소나기', 'support'),
                        ('zephyr_0', 'support')]),
    ('Northgate Owls', 'EU', 0.65, [('Barnaby', 'tank'), ('hoot.hoot', 'dps'), ('Tawny_7', 'dps'),
                                    ('Eagle.Eye', 'support'), ('Pellet', 'support')]),
    ('Yuzu Mint', 'JP', 0.60, [('Sudachi', 'tank'), ('mint.choco', 'dps'), ('Kabosu_', 'dps'),
                               ('Ponzu', 'support'), ('natsu_8', 'support')]),
    ('Hollow Bell', 'NA', 0.50, [('Clapper', 'tank'), ('rung.4', 'dps'), ('Belfry', 'dps'),
                                 ('Toll_Free', 'support'), ('Chime', None)]),
    ('불꽃고래', 'KR', 0.70, [('고래밥', 'tank'), ('Flame.W', 'dps'), ('불꽃놀이', 'dps'),
                          ('spout_11', 'support'), ('범고래', 'support')]),
    ('Cedar Monsoon', 'SEA', 0.45, [('Pandan', 'tank'), ('kaya.toast', 'dps'), ('Rambutan', 'dps'),
                                    ('Typhoon_2', 'support'), ('Longan', 'support')]),
    # never played
    ('Fjord Static', 'EU', 0.5, [('Skerry', 'igl'), ('aurora.b', 'fragger')]),
]
FREE_AGENTS = [('Wanderer_0', None)]

R6_MAPS = ['Clubhouse', 'Oregon', 'Bank', 'Kafe Dostoyevsky', 'Chalet', 'Border', 'Nighthaven Labs']
APEX_MAPS = ["World's Edge", 'Storm Point', 'Olympus', 'Broken Moon', 'E-District']
APEX_POINTS = [12, 9, 7, 5, 4, 3, 3, 2]


class World:
    def __init__(self, seed=3303):
        self.rng = random.Random(seed)
        self.team_id = {}
        self.strength = {}
        self.roster = {}        # team name -> [(player id, nickname, role)]
        self.matches = []       # (id, tid, played_at, stage, map, format)
        self.mteams = []        # (mid, team id, placement, score, kills)
        self.mplayers = []      # (mid, pid, k, d, a, dmg)
        self.players = []       # (id, nick, team id, role)
        pid = 1
        for i, (name, region, s, ros) in enumerate(TEAMS, 1):
            self.team_id[name] = i
            self.strength[name] = s
            self.roster[name] = []
            for nick, role in ros:
                self.players.append((pid, nick, i, role))
                self.roster[name].append((pid, nick, role))
                pid += 1
        for nick, role in FREE_AGENTS:
            self.players.append((pid, nick, None, role))
            pid += 1

    # ---------------------------------------------------------------- helpers
    def split(self, total, weights):
        """Split an integer total over weights (random multinomial)."""
        out = [0] * len(weights)
        tw = float(sum(weights))
        for _ in range(total):
            r = self.rng.random() * tw
            acc = 0.0
            for j, w in enumerate(weights):
                acc += w
                if r <= acc:
                    out[j] += 1
                    break
            else:
                out[-1] += 1
        return out

    def new_match(self, tid, when, stage, mapname, fmt):
        mid = len(self.matches) + 1
        self.matches.append((mid, tid, when, stage, mapname, fmt))
        return mid

    def lineup(self, team, mid_seq, size):
        ros = self.roster[team]
        if len(ros) <= size:
            return ros
        # the extra (role-less substitute) replaces the last regular every third match
        regulars = [p for p in ros if p[2] is not None][:size]
        subs = [p for p in ros if p[2] is None]
        if mid_seq % 3 == 2:
            return regulars[:size - 1] + subs[:1]
        return regulars

    # ---------------------------------------------------------------- versus
    def versus(self, tid, when, stage, a, b, game, seq, no_damage=False, bo=None):
        rng = self.rng
        pa = self.strength[a] / (self.strength[a] + self.strength[b])
        a_wins = rng.random() < pa
        w, l = (a, b) if a_wins else (b, a)
        if game == R6:
            mapname = rng.choice(R6_MAPS)
            if rng.random() < 0.15:
                ws, ls = 8, 6
            else:
                ws, ls = 7, rng.randint(0, 5)
            rounds = ws + ls
            kw = ws * rng.randint(3, 5) + ls * rng.randint(1, 3)
            kl = ls * rng.randint(3, 5) + ws * rng.randint(1, 3)
            kw, kl = min(kw, rounds * 5), min(kl, rounds * 5)
        else:  # Overwatch 2 series, map NULL
            mapname = None
            need = (bo + 1) // 2
            ws = need
            ls = rng.randint(0, need - 1)
            maps = ws + ls
            kw = sum(rng.randint(22, 34) for _ in range(ws)) + sum(rng.randint(14, 26) for _ in range(ls))
            kl = sum(rng.randint(12, 22) for _ in range(ws)) + sum(rng.randint(22, 32) for _ in range(ls))
            rounds = maps
        mid = self.new_match(tid, when, stage, mapname, 'versus')
        size = 5
        lw = self.lineup(w, seq, size)
        ll = self.lineup(l, seq, size)
        self.mteams.append((mid, self.team_id[w], 1, ws, kw))
        self.mteams.append((mid, self.team_id[l], 2, ls, kl))
        for lu, k_own, k_opp in ((lw, kw, kl), (ll, kl, kw)):
            wk = [self.kill_weight(p[2], game) for p in lu]
            kills = self.split(k_own, wk)
            deaths = self.split(k_opp, [1.0] * len(lu))
            if game == R6:  # a player dies at most once a round
                for j in range(len(deaths)):
                    if deaths[j] > rounds:
                        deaths[j] = rounds
            for j, p in enumerate(lu):
                if game == R6:
                    ast = rng.randint(0, max(1, k_own // 4))
                    dmg = None if no_damage else kills[j] * rng.randint(95, 130) + ast * 25 + rng.randint(40, 380)
                else:
                    ast = rng.randint(k_own // 6, max(k_own // 6 + 1, k_own // 2))
                    if p[2] == 'support':
                        dmg = rounds * rng.randint(3500, 6000) + kills[j] * 120
                    elif p[2] == 'tank':
                        dmg = rounds * rng.randint(7000, 10000) + kills[j] * 150
                    else:
                        dmg = rounds * rng.randint(8000, 12000) + kills[j] * 200
                self.mplayers.append((mid, p[0], kills[j], deaths[j], ast, dmg))
        return w, l

    def kill_weight(self, role, game):
        return {'entry': 1.4, 'fragger': 1.5, 'dps': 1.6, 'flex': 1.1, 'igl': 0.9, 'anchor': 1.0,
                'support': 0.7, 'tank': 1.0}.get(role, 0.9) * (0.7 + self.rng.random() * 0.6)

    # ---------------------------------------------------------------- ranking
    def ranking(self, tid, when, stage, teams, seq):
        rng = self.rng
        mapname = APEX_MAPS[seq % len(APEX_MAPS)]
        mid = self.new_match(tid, when, stage, mapname, 'ranking')
        keyed = sorted(teams, key=lambda t: -(self.strength[t] + rng.random() * 0.55))
        for place, team in enumerate(keyed, 1):
            base = max(0, 9 - place) + int(self.strength[team] * 4)
            tk = max(0, base + rng.randint(-4, 3))
            pts = APEX_POINTS[place - 1] + tk
            self.mteams.append((mid, self.team_id[team], place, pts, tk))
            lu = self.lineup(team, seq, 3)
            kills = self.split(tk, [self.kill_weight(p[2], APEX) for p in lu])
            for j, p in enumerate(lu):
                if place == 1:
                    d = rng.choice([0, 0, 1])
                else:
                    d = rng.choice([1, 1, 1, 2])
                ast = rng.randint(0, max(1, tk // 2))
                dmg = kills[j] * rng.randint(180, 260) + ast * 60 + rng.randint(150, 900)
                self.mplayers.append((mid, p[0], kills[j], d, ast, dmg))

    # ---------------------------------------------------------------- tournaments
    def times(self, start, n, per_day, hours):
        d0 = datetime.date.fromisoformat(start)
        out = []
        for i in range(n):
            day = d0 + datetime.timedelta(days=i // per_day)
            h = hours[i % per_day]
            out.append('%s %02d:%02d:00' % (day.isoformat(), h, 0 if i % 2 == 0 else 30))
        return out

    def table_order(self, wins, teams):
        return sorted(teams, key=lambda t: (-wins[t], -self.strength[t], t))

    def round_robin(self, tid, game, teams, start, per_day, hours, seq0, no_damage=False, bo=None):
        pairs = [(teams[i], teams[j]) for i in range(len(teams)) for j in range(i + 1, len(teams))]
        self.rng.shuffle(pairs)
        wins = {t: 0 for t in teams}
        for n, when in enumerate(self.times(start, len(pairs), per_day, hours)):
            a, b = pairs[n]
            w, _ = self.versus(tid, when, 'group', a, b, game, seq0 + n, no_damage, bo)
            wins[w] += 1
        return self.table_order(wins, teams)

    def build(self):
        # 1 Harbor Lights Invitational 2024 (R6, 4 invited, damage not recorded)
        t1 = ['Velvet Anchor', '달빛여우', 'Quartz.Ridge', 'Granite']
        table = self.round_robin(1, R6, t1, '2024-09-14', 2, [15, 18], 0, no_damage=True)
        self.versus(1, '2024-09-22 19:00:00', 'final', table[0], table[1], R6, 7, no_damage=True)

        # 2 Frostline Siege Masters 2025 (R6, 6 teams, group -> QF -> SF -> final; Jan-Feb)
        t2 = ['Velvet Anchor', '달빛여우', 'Quartz.Ridge', 'Kumo Drifters', 'Jaguar Tinta', 'Granite']
        table = self.round_robin(2, R6, t2, '2025-01-27', 3, [13, 16, 19], 10)
        q1, _ = self.versus(2, '2025-02-04 17:00:00', 'quarterfinal', table[2], table[5], R6, 30)
        q2, _ = self.versus(2, '2025-02-04 20:00:00', 'quarterfinal', table[3], table[4], R6, 31)
        s1, _ = self.versus(2, '2025-02-06 17:00:00', 'semifinal', table[0], q2, R6, 32)
        s2, _ = self.versus(2, '2025-02-06 20:00:00', 'semifinal', table[1], q1, R6, 33)
        self.versus(2, '2025-02-08 19:00:00', 'final', s1, s2, R6, 34)

        # 3 Canyon Drop Series 2025 (Apex, 7 teams, 6 group games + 4 final games)
        t3 = ['Orchid Rally', 'Ironbark 7', 'Lotus Hammer', '새벽서리', 'Copperline', 'Pale Comet',
              'Saltmarsh Kites']
        whens = self.times('2025-05-10', 6, 2, [14, 17]) + self.times('2025-05-17', 4, 2, [15, 18])
        for n, when in enumerate(whens):
            self.ranking(3, when, 'group' if n < 6 else 'final', t3, n)

        # 4 Paper Lantern Cup 2025 (OW2, 6 teams, group bo3 -> SF bo5 -> final bo5, plus a show match)
        t4 = ['바람', 'Northgate Owls', 'Yuzu Mint', 'Hollow Bell', '불꽃고래', 'Cedar Monsoon']
        table = self.round_robin(4, OW, t4, '2025-08-02', 3, [12, 15, 18], 50, bo=3)
        s1, _ = self.versus(4, '2025-08-08 16:00:00', 'semifinal', table[0], table[3], OW, 70, bo=5)
        s2, _ = self.versus(4, '2025-08-08 19:30:00', 'semifinal', table[1], table[2], OW, 71, bo=5)
        self.versus(4, '2025-08-10 18:00:00', 'final', s1, s2, OW, 72, bo=5)
        self.versus(4, '2025-08-10 14:00:00', None, table[4], table[5], OW, 73, bo=3)   # show match

        # 5 Aurora Ring Finals 2026 (Apex, 6 teams - Pale Comet not invited; 5 games, stage unknown on two)
        t5 = ['Orchid Rally', 'Ironbark 7', 'Lotus Hammer', '새벽서리', 'Copperline', 'Saltmarsh Kites']
        whens = self.times('2026-03-07', 3, 3, [13, 16, 19]) + self.times('2026-03-15', 2, 2, [15, 18])
        stages = ['group', 'group', None, 'final', None]
        for n, when in enumerate(whens):
            self.ranking(5, when, stages[n], t5, 20 + n)

        # 6 Tidewater Clash 2026 (OW2, 4 teams, group bo3 -> final bo5)
        t6 = ['바람', 'Northgate Owls', '불꽃고래', 'Yuzu Mint']
        table = self.round_robin(6, OW, t6, '2026-04-18', 2, [15, 19], 80, bo=3)
        self.versus(6, '2026-04-26 18:00:00', 'final', table[0], table[1], OW, 90, bo=5)


def main():
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    out = sys.argv[1]
    if os.path.exists(out):
        os.remove(out)
    w = World()
    w.build()
    con = sqlite3.connect(out)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)',
                    [(i, n, g, s, e) for i, (n, g, s, e) in enumerate(TOURNAMENTS, 1)])
    con.executemany('INSERT INTO teams VALUES (?,?,?)',
                    [(i, n, r) for i, (n, r, _s, _p) in enumerate(TEAMS, 1)])
    con.executemany('INSERT INTO players VALUES (?,?,?,?)', w.players)
    con.executemany('INSERT INTO matches VALUES (?,?,?,?,?,?)', w.matches)
    con.executemany('INSERT INTO match_teams VALUES (?,?,?,?,?)', w.mteams)
    con.executemany('INSERT INTO match_players VALUES (?,?,?,?,?,?)', w.mplayers)
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %5d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    main()
