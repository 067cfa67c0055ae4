#!/usr/bin/env python3
"""Build the sql-fresh28 test database: python3 build_db.py OUT.db

An invented esports world (Valorant, PUBG, Overwatch 2; 2024-2026). Standard library only and
deterministic: every random draw comes from random.Random(SEED), in a fixed order.
"""
import os
import random
import sqlite3
import sys

SEED = 2828

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

# ---------------------------------------------------------------- the world
TOURNAMENTS = [
    # id, name, game, start, end
    (1, 'Han River Valorant Invitational 2024', 'Valorant', '2024-05-10', '2024-05-19'),
    (2, 'Pacific Clash 2025', 'Valorant', '2025-03-28', '2025-04-13'),
    (3, 'Jeju Battlegrounds Open 2025', 'PUBG', '2025-07-04', '2025-07-06'),
    (4, 'Overwatch Winter Brawl 2025', 'Overwatch 2', '2025-11-29', '2025-12-07'),
    (5, 'Busan Squad Showdown 2026', 'PUBG', '2026-02-20', '2026-02-22'),
    (6, 'Seoul Autumn Cup 2026', 'Overwatch 2', '2026-09-12', None),   # announced, nothing played
]

TEAMS = [
    # id, name, region, strength
    (1, '블루하운즈', 'KR', 0.80),
    (2, 'Nightjar Gaming', 'NA', 0.62),
    (3, 'Sakura Storm', 'JP', 0.58),
    (4, 'Vortex EU', 'EU', 0.66),
    (5, 'Golden Lotus', 'CN', 0.60),
    (6, 'Tidal Wave', 'SEA', 0.45),
    (7, '레드피닉스', 'KR', 0.74),
    (8, 'Samba Kings', 'BR', 0.52),
    (9, '광안리 샤크스', 'KR', 0.72),
    (10, 'Outback Raiders', 'OCE', 0.50),
    (11, 'Dragon Ascent', 'CN', 0.68),
    (12, 'Ironclad', 'EU', 0.55),
    (13, 'Mango Tango', 'SEA', 0.47),
    (14, 'Z-Force', None, 0.57),
    (15, 'Polar Owls', 'EU', 0.64),
    (16, '한강 드래곤즈', 'KR', 0.76),
    (17, 'Kangaroo Court', 'OCE', 0.44),
    (18, 'True North Esports', 'NA', 0.58),
    (19, 'Phantom Rise', 'KR', 0.50),       # registered, never played
]
STRENGTH = {t[0]: t[3] for t in TEAMS}

# rosters: (team_id, game) -> [(nickname, role)], the first five (four in PUBG) are the starters
ROSTERS = {
    (1, 'Valorant'): [('Hwaseong', 'duelist'), ('Moonbyeol', 'controller'), ('K.O.', 'initiator'),
                      ('Sori', 'sentinel'), ('Baekho', 'flex'), ('Jjangu', None)],
    (2, 'Valorant'): [('Raptor', 'duelist'), ('Quillz', 'initiator'), ('Dusty', 'controller'),
                      ('BigMike', 'sentinel'), ('Nyx', 'flex')],
    (3, 'Valorant'): [('Kitsune', 'duelist'), ('Hanabi', 'controller'), ('Yuki.', 'sentinel'),
                      ('Ronin', 'initiator'), ('Tamago', 'flex'), ('Mochi', 'duelist')],
    (4, 'Valorant'): [('Zephyr', 'duelist'), ('Kr0nos', 'initiator'), ('Lumen', 'controller'),
                      ('Brakk', 'sentinel'), ('Vesper', None)],
    (5, 'Valorant'): [('XiaoLong', 'duelist'), ('Jade', 'controller'), ('Peony', 'initiator'),
                      ('Wukong', 'sentinel'), ('Lychee', 'flex')],
    (6, 'Valorant'): [('Surfboy', 'duelist'), ('Kopi', 'controller'), ('Durian', 'initiator'),
                      ('Monsoon', 'sentinel'), ('Layang', 'flex')],
    (7, 'Valorant'): [('Bulkkot', 'duelist'), ('Haneul', 'initiator'), ('Mr.Fox', 'controller'),
                      ('Jaebi', 'sentinel'), ('Gureum', 'flex')],
    (8, 'Valorant'): [('Capoeira', 'duelist'), ('Caju', 'controller'), ('Favela', 'initiator'),
                      ('Pagode', 'sentinel'), ('Tuca', None)],
    (1, 'PUBG'): [('Nabi', 'IGL'), ('Sniper_J', 'fragger'), ('Dotori', 'scout'), ('Ggomi', 'support')],
    (5, 'PUBG'): [('Panda', 'IGL'), ('Bamboo', 'fragger'), ('Tiger88', 'scout'), ('Mantou', 'support')],
    (9, 'PUBG'): [('Pado', 'IGL'), ('Galmaegi', 'fragger'), ('Haebyeon', 'scout'), ('Milmyeon', 'support'),
                  ('Eomuk', None)],
    (10, 'PUBG'): [('Dingo', 'IGL'), ('Wombat', 'fragger'), ('Koala', 'scout'), ('Bluey', 'support')],
    (11, 'PUBG'): [('Shenlong', 'IGL'), ('Fenghuang', 'fragger'), ('Qilin', 'scout'), ('Baozi', 'support')],
    (12, 'PUBG'): [('Anvil', 'IGL'), ('Rivet', 'fragger'), ('Bolt', 'scout'), ('Gear', None)],
    (13, 'PUBG'): [('Rambutan', 'IGL'), ('Sambal', 'fragger'), ('Pandan', 'scout'), ('Satay', 'support')],
    (14, 'PUBG'): [('Zulu', 'IGL'), ('Xray', 'fragger'), ('Yankee', 'scout'), ('Whiskey', 'support')],
    (2, 'Overwatch 2'): [('Hootie', 'tank'), ('Blaze', 'dps'), ('Crow', 'dps'), ('Mender', 'support'),
                         ('Halo', 'support')],
    (7, 'Overwatch 2'): [('Bawi', 'tank'), ('Tteok', 'dps'), ('Sonagi', 'dps'), ('Yaksa', 'support'),
                         ('Dalbit', 'support')],
    (15, 'Overwatch 2'): [('Iceberg', 'tank'), ('Fjord', 'dps'), ('Aurora', 'dps'), ('Snowdrop', 'support'),
                          ('Tundra', 'support')],
    (16, 'Overwatch 2'): [('Yongsan', 'tank'), ('Mapo', 'dps'), ('Nodeul', 'dps'), ('Bam-ssi', 'support'),
                          ('Yeouido', 'support')],
    (17, 'Overwatch 2'): [('Joey', 'tank'), ('Boomer', 'dps'), ('Jackaroo', 'dps'), ('Vegemite', 'support'),
                          ('Lamington', None)],
    (18, 'Overwatch 2'): [('Moose', 'tank'), ('Poutine', 'dps'), ('Timber', 'dps'), ('Loonie', 'support'),
                          ('Caribou', 'support')],
    (19, None): [('Ghostwalk', 'duelist'), ('Mirage_K', 'controller'), ('Yeonmu', None)],
    (None, None): [('Lonewolf', 'duelist'), ('Driftwood', 'support')],   # free agents
}

VAL_MAPS = ['Ascent', 'Bind', 'Haven', 'Lotus', 'Split', 'Sunset', 'Icebox']
PUBG_MAPS = ['Erangel', 'Miramar', 'Taego', 'Vikendi']
PUBG_POINTS = {1: 10, 2: 6, 3: 5, 4: 4, 5: 3, 6: 2, 7: 1, 8: 0}


class World:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.players = []          # (id, nickname, team_id, role)
        self.roster = {}           # (team_id, game) -> [player ids]
        self.skill = {}            # player id -> weight
        self.matches = []          # (id, tournament_id, played_at, stage, map, format)
        self.match_teams = []      # (match_id, team_id, placement, score, kills)
        self.match_players = []    # (match_id, player_id, kills, deaths, assists, damage)
        self.role = {}
        pid = 0
        for (team_id, game), members in ROSTERS.items():
            ids = []
            for nick, role in members:
                pid += 1
                self.players.append((pid, nick, team_id, role))
                self.skill[pid] = 0.7 + self.rng.random() * 0.8
                self.role[pid] = role
                ids.append(pid)
            self.roster[(team_id, game)] = ids

    # ------------------------------------------------------------ helpers
    def split(self, total, weights):
        """Split an integer total over len(weights) people, proportionally with noise."""
        rng = self.rng
        w = [x * (0.6 + rng.random() * 0.8) for x in weights]
        s = sum(w)
        raw = [total * x / s for x in w]
        out = [int(r) for r in raw]
        rest = total - sum(out)
        order = sorted(range(len(w)), key=lambda i: raw[i] - out[i], reverse=True)
        for i in order[:rest]:
            out[i] += 1
        return out

    def lineup(self, team_id, game, n):
        ids = self.roster[(team_id, game)]
        starters = list(ids[:n])
        if len(ids) > n and self.rng.random() < 0.3:   # the substitute comes in for someone
            starters[self.rng.randrange(n)] = ids[n]
        return starters

    def new_match(self, tid, when, stage, map_, fmt):
        mid = len(self.matches) + 1
        self.matches.append((mid, tid, when, stage, map_, fmt))
        return mid

    # ------------------------------------------------------------ versus (Valorant: one map, rounds)
    def valorant(self, tid, when, stage, a, b, no_damage=False):
        rng = self.rng
        pa = STRENGTH[a] / (STRENGTH[a] + STRENGTH[b])
        winner, loser = (a, b) if rng.random() < pa else (b, a)
        if rng.random() < 0.15:
            ws = rng.choice([14, 14, 15, 16])
            ls = ws - 2
        else:
            ws, ls = 13, rng.randint(3, 11)
        map_ = rng.choice(VAL_MAPS)
        mid = self.new_match(tid, when, stage, map_, 'versus')
        kills = {winner: int(ws * 4.1 + ls * 2.4 + rng.randint(-4, 4)),
                 loser: int(ls * 4.1 + ws * 2.4 + rng.randint(-4, 4))}
        lineups = {t: self.lineup(t, 'Valorant', 5) for t in (winner, loser)}
        rounds = ws + ls
        for t, opp, place, score in ((winner, loser, 1, ws), (loser, winner, 2, ls)):
            self.match_teams.append((mid, t, place, score, kills[t]))
            ps = lineups[t]
            k = self.split(kills[t], [self.skill[p] for p in ps])
            d = self.split(kills[opp], [1.0 / self.skill[p] for p in ps])
            a_ = self.split(int(kills[t] * 0.45 + rng.randint(0, 6)), [1.0 for _ in ps])
            for p, kk, dd, aa in zip(ps, k, d, a_):
                dmg = None if no_damage else kk * 148 + aa * 45 + rounds * rng.randint(20, 45)
                self.match_players.append((mid, p, kk, dd, aa, dmg))
        return winner, loser, ws, ls

    # ------------------------------------------------------------ versus (Overwatch 2: Bo5, maps won)
    def overwatch(self, tid, when, stage, a, b):
        rng = self.rng
        pa = STRENGTH[a] / (STRENGTH[a] + STRENGTH[b])
        winner, loser = (a, b) if rng.random() < pa else (b, a)
        ws, ls = 3, rng.choice([0, 1, 1, 2, 2])
        maps = ws + ls
        mid = self.new_match(tid, when, stage, None, 'versus')
        kills = {winner: maps * rng.randint(19, 25) + ws * 3, loser: maps * rng.randint(15, 21) + ls * 3}
        for t, opp, place, score in ((winner, loser, 1, ws), (loser, winner, 2, ls)):
            self.match_teams.append((mid, t, place, score, kills[t]))
            ps = self.lineup(t, 'Overwatch 2', 5)
            k = self.split(kills[t], [self.skill[p] * (0.6 if self.role[p] == 'support' else 1.0) for p in ps])
            d = self.split(kills[opp], [1.0 / self.skill[p] for p in ps])
            a_ = self.split(int(kills[t] * 1.6), [2.0 if self.role[p] == 'support' else 1.0 for p in ps])
            for p, kk, dd, aa in zip(ps, k, d, a_):
                per_map = {'tank': 7200, 'dps': 9000, 'support': 4300}.get(self.role[p], 6000)
                dmg = int(maps * per_map * (0.8 + rng.random() * 0.4)) + kk * 60
                self.match_players.append((mid, p, kk, dd, aa, dmg))
        return winner, loser, ws, ls

    # ------------------------------------------------------------ ranking (PUBG: squads, points)
    def pubg(self, tid, when, stage, teams):
        rng = self.rng
        map_ = rng.choice(PUBG_MAPS)
        mid = self.new_match(tid, when, stage, map_, 'ranking')
        keyed = sorted(teams, key=lambda t: -(STRENGTH[t] + rng.random() * 0.7))
        n = len(keyed)
        survivors = rng.randint(1, 4)
        total_deaths = n * 4 - survivors
        kills = {t: max(0, int(rng.gauss(7.5 - 0.8 * i, 2.2))) for i, t in enumerate(keyed)}
        while sum(kills.values()) > total_deaths - 2:
            t = max(kills, key=lambda x: kills[x])
            kills[t] -= 1
        for place, t in enumerate(keyed, 1):
            score = PUBG_POINTS[place] + kills[t]
            self.match_teams.append((mid, t, place, score, kills[t]))
            ps = self.lineup(t, 'PUBG', 4)
            k = self.split(kills[t], [self.skill[p] for p in ps])
            alive = set(ps[:survivors]) if place == 1 else set()
            a_ = self.split(int(kills[t] * 0.5), [1.0 for _ in ps])
            for p, kk, aa in zip(ps, k, a_):
                dmg = kk * 102 + aa * 35 + rng.randint(40, 260)
                self.match_players.append((mid, p, kk, 0 if p in alive else 1, aa, dmg))
        return keyed

    # ------------------------------------------------------------ brackets
    def round_robin(self, play, tid, group, slots):
        """group: team ids; slots: list of timestamps, one per pairing. Returns the group order."""
        wins = {t: 0 for t in group}
        diff = {t: 0 for t in group}
        pairs = [(group[i], group[j]) for i in range(len(group)) for j in range(i + 1, len(group))]
        for (a, b), when in zip(pairs, slots):
            w, l, ws, ls = play(tid, when, 'group', a, b)
            wins[w] += 1
            diff[w] += ws - ls
            diff[l] -= ws - ls
        return sorted(group, key=lambda t: (-wins[t], -diff[t], -STRENGTH[t]))

    def build(self):
        # 1. Han River Valorant Invitational 2024: two groups of three, semis, final
        v = self.valorant
        ga = self.round_robin(v, 1, [1, 4, 5], ['2024-05-10 14:00:00', '2024-05-11 14:00:00', '2024-05-12 14:00:00'])
        gb = self.round_robin(v, 1, [2, 3, 7], ['2024-05-10 18:00:00', '2024-05-11 18:00:00', '2024-05-12 18:00:00'])
        s1 = v(1, '2024-05-18 15:00:00', 'semifinal', ga[0], gb[1])
        s2 = v(1, '2024-05-18 19:00:00', 'semifinal', gb[0], ga[1])
        v(1, '2024-05-19 18:00:00', 'final', s1[0], s2[0])

        # 2. Pacific Clash 2025 (Valorant, March into April): groups of four, a show match, QF, SF, final
        days = ['2025-03-28', '2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02']
        ga = self.round_robin(v, 2, [1, 3, 6, 8], [d + ' 13:00:00' for d in days])
        gb = self.round_robin(v, 2, [2, 4, 5, 7], [d + ' 17:00:00' for d in days])
        q = [v(2, '2025-04-05 13:00:00', 'quarterfinal', ga[0], gb[3]),
             v(2, '2025-04-05 17:00:00', 'quarterfinal', gb[1], ga[2]),
             v(2, '2025-04-06 13:00:00', 'quarterfinal', gb[0], ga[3]),
             v(2, '2025-04-06 17:00:00', 'quarterfinal', ga[1], gb[2])]
        v(2, '2025-04-06 20:30:00', None, 1, 7, no_damage=True)   # Korean derby show match, no damage data
        s1 = v(2, '2025-04-12 15:00:00', 'semifinal', q[0][0], q[1][0])
        s2 = v(2, '2025-04-12 19:00:00', 'semifinal', q[2][0], q[3][0])
        v(2, '2025-04-13 18:00:00', 'final', s1[0], s2[0])

        # 3. Jeju Battlegrounds Open 2025 (PUBG): 7 squads, 8 group games then 4 final games
        squads = [1, 5, 9, 10, 11, 12, 13]
        hours = ['13:00:00', '14:10:00', '15:20:00', '16:30:00']
        for day, stage in (('2025-07-04', 'group'), ('2025-07-05', 'group'), ('2025-07-06', 'final')):
            for h in hours:
                self.pubg(3, day + ' ' + h, stage, squads)

        # 4. Overwatch Winter Brawl 2025 (late November into December): groups of three, semis, final
        o = self.overwatch
        ga = self.round_robin(o, 4, [2, 15, 16], ['2025-11-29 12:00:00', '2025-11-30 12:00:00', '2025-12-01 12:00:00'])
        gb = self.round_robin(o, 4, [7, 17, 18], ['2025-11-29 16:00:00', '2025-11-30 16:00:00', '2025-12-01 16:00:00'])
        s1 = o(4, '2025-12-06 14:00:00', 'semifinal', ga[0], gb[1])
        s2 = o(4, '2025-12-06 18:00:00', 'semifinal', gb[0], ga[1])
        o(4, '2025-12-07 17:00:00', 'final', s1[0], s2[0])

        # 5. Busan Squad Showdown 2026 (PUBG): 8 squads, 9 games, no stages recorded
        squads = [1, 5, 9, 10, 11, 12, 13, 14]
        for day in ('2026-02-20', '2026-02-21', '2026-02-22'):
            for h in ('14:00:00', '15:15:00', '16:30:00'):
                self.pubg(5, day + ' ' + h, None, squads)


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
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', [t[:3] for t in TEAMS])
    con.executemany('INSERT INTO players VALUES (?,?,?,?)', w.players)
    # the recorder stores matches in the order they were played: renumber by played_at
    order = sorted(w.matches, key=lambda m: (m[2], m[0]))
    new_id = {m[0]: i for i, m in enumerate(order, 1)}
    con.executemany('INSERT INTO matches VALUES (?,?,?,?,?,?)', [(new_id[m[0]],) + m[1:] for m in order])
    con.executemany('INSERT INTO match_teams VALUES (?,?,?,?,?)',
                    sorted((new_id[r[0]],) + r[1:] for r in w.match_teams))
    con.executemany('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                    sorted((new_id[r[0]],) + r[1:] for r in w.match_players))
    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%-14s %5d' % (t, con.execute('SELECT COUNT(*) FROM ' + t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    main()
