#!/usr/bin/env python3
"""Build the sql-fresh35 test database: python3 build_db.py OUT.db (standard library only, deterministic)."""
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
    # id, name, game, start, end
    (1, 'Gwangalli Night Clash 2024', 'Valorant', '2024-08-10', '2024-08-25'),
    (2, 'Tundra Circuit 2025', 'Valorant', '2025-03-20', '2025-04-12'),
    (3, 'Mirage Drop Series 2024', 'PUBG', '2024-11-02', '2024-11-17'),
    (4, 'Harbor Royale 2025', 'PUBG', '2025-09-06', '2025-09-28'),
    (5, 'Breach Point Invitational 2026', 'Rainbow Six Siege', '2026-02-07', '2026-02-22'),
    (6, 'Ember League 2026', 'Rainbow Six Siege', '2026-05-01', None),
]

TEAMS = [
    # Valorant
    (1, 'Lantern Owls', 'NA'), (2, '달빛여우', 'KR'), (3, 'Kumo Drift', 'JP'),
    (4, 'Anchor', 'EU'), (5, '바람', 'KR'), (6, 'Quokka Rush', 'OCE'),
    # Rainbow Six Siege
    (7, 'Rio Tempest', 'BR'), (8, 'Jade Kite', 'CN'), (9, 'Frostbyte.GG', 'EU'), (10, '도깨비불', 'KR'),
    # PUBG
    (11, 'Sandglass', 'SEA'), (12, '철새', 'KR'), (13, 'Vortex.Lab', 'EU'), (14, 'Tidepool', 'NA'),
    (15, 'Orca_9', 'CN'), (16, '무지개송어', 'KR'), (17, 'Hollow Pines', None), (18, 'Saffron Bats', 'SEA'),
    # never played
    (19, 'Ghost Ferry', 'NA'),
]

VAL_ROLES = ['duelist', 'controller', 'initiator', 'sentinel', 'flex']
R6_ROLES = ['entry', 'support', 'flex', 'hard breach', 'igl']
PUBG_ROLES = ['igl', 'fragger', 'scout', 'support']
ROSTERS = {
    1: ['n1ghtjar', 'Pepper', 'owl.exe', 'ByteLamp', 'hoot_42'],
    2: ['여우비', 'moonfox.kr', '달토끼', 'Gumiho_7', 'sly'],
    3: ['kaze2', 'Tsubame', 'drift.k', 'Yuki_01', 'Hanabi'],
    4: ['Keel', 'bol.lard', 'Rust_88', 'Mooring', 'Halyard'],
    5: ['회오리', 'breeze_v', '산들', 'Gale.9', 'Teacup'],
    6: ['Wombo', 'qk_rush', 'Dingo.2', 'Marsupi', 'SunnyOz'],
    7: ['Carnaval', 'samba_x', 'Trovao', 'rio.22', 'Piranha'],
    8: ['JadeFox', 'kite_cn', 'Lo.Wei', 'Baozi_3', 'Mantis'],
    9: ['ic3berg', 'Frosty.B', 'sleet_7', 'Glacier', 'Rime'],
    10: ['불꽃', '도깨비', 'wisp.kr', 'Hwa_01', 'Lantern'],
    11: ['hourglass', 'Dune_5', 'sandman.sg', 'Pasir'],
    12: ['기러기', 'Migrant', '제비_2', 'Wing.K'],
    13: ['vx.lab', 'Cyclone_3', 'Eddy', 'Spiral.99'],
    14: ['Tidal', 'crab_0', 'Anemone', 'Shore.Line'],
    15: ['orca9', 'Pod_11', 'Blowhole', 'Krill.X'],
    16: ['송어', 'Rainbow_T', '무지개', 'Trout.7'],
    17: ['pinecone', 'Hollow_1', 'Sap.Wood', 'Needle'],
    18: ['Saffron', 'bat.sg', 'Echo_44', 'Nocturne'],
    19: ['ferryman', 'Ghost.0'],
}

VAL_MAPS = ['Ascent', 'Bind', 'Haven', 'Lotus', 'Sunset', 'Icebox']
R6_MAPS = ['Clubhouse', 'Oregon', 'Bank', 'Chalet', 'Kafe Dostoyevsky']
PUBG_MAPS = ['Erangel', 'Miramar', 'Taego', 'Vikendi']
PUBG_POINTS = [10, 6, 5, 4, 3, 2, 1, 0]


def main(out):
    rng = random.Random(35035)
    if os.path.exists(out):
        os.remove(out)
    con = sqlite3.connect(out)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', TEAMS)
    pid = 0
    roster = {}
    for tid, nicks in ROSTERS.items():
        roles = VAL_ROLES if tid <= 6 else R6_ROLES if tid <= 10 else PUBG_ROLES
        roster[tid] = []
        for i, nick in enumerate(nicks):
            pid += 1
            role = roles[i % len(roles)]
            if nick in ('sly', 'Needle', 'Lantern', 'Ghost.0'):
                role = None
            con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, nick, tid, role))
            roster[tid].append(pid)
    pid += 1
    con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, 'drifter.fa', None, 'flex'))  # free agent

    strength = {t: rng.uniform(0.3, 1.0) for t in range(1, 19)}
    strength[2], strength[10], strength[15] = 1.1, 1.05, 1.1
    mid = [0]

    def new_match(tour, when, stage, mp, fmt):
        mid[0] += 1
        con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (mid[0], tour, when, stage, mp, fmt))
        return mid[0]

    def versus(tour, when, stage, a, b, game, null_damage=False):
        mp = rng.choice(VAL_MAPS if game == 'val' else R6_MAPS)
        if stage is None:
            mp = None
        m = new_match(tour, when, stage, mp, 'versus')
        pa = strength[a] / (strength[a] + strength[b])
        win, lose = (a, b) if rng.random() < pa else (b, a)
        if game == 'val':
            if rng.random() < 0.15:
                ws, ls = 14, 12
            else:
                ws, ls = 13, rng.randint(2, 11)
        else:
            if rng.random() < 0.15:
                ws, ls = 8, 6
            else:
                ws, ls = 7, rng.randint(0, 5)
        rounds = ws + ls
        for team, sc, pl in ((win, ws, 1), (lose, ls, 2)):
            opp_sc = ls if team == win else ws
            tk = 0
            for p in roster[team]:
                if game == 'val':
                    k = max(0, int(rng.gauss(rounds * (0.45 + 0.6 * sc / rounds) / 1.2, 3)))
                    d = max(1, int(rng.gauss(rounds * (0.45 + 0.6 * opp_sc / rounds) / 1.2, 2)))
                    a_ = rng.randint(1, 12)
                    dmg = int(k * rng.uniform(130, 170) + a_ * 40 + rng.randint(200, 900))
                else:
                    k = max(0, int(rng.gauss(sc * 0.9, 2)))
                    d = min(rounds, max(0, int(rng.gauss(opp_sc * 0.9, 2))))
                    a_ = rng.randint(0, 6)
                    dmg = int(k * rng.uniform(95, 120) + a_ * 30 + rng.randint(50, 400))
                if null_damage:
                    dmg = None
                tk += k
                con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)', (m, p, k, d, a_, dmg))
            con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, team, pl, sc, tk))
        return win, lose, ws - ls

    def versus_tournament(tour, teams, days, game, playoff):
        table = {t: [0, 0] for t in teams}
        slot = 0
        pairs = [(teams[i], teams[j]) for i in range(len(teams)) for j in range(i + 1, len(teams))]
        rng.shuffle(pairs)
        for a, b in pairs:
            half = len(pairs) // 2
            day = days[0] if slot < half else days[1]
            k = slot if slot < half else slot - half
            when = '%s %02d:%02d:00' % (day, 10 + (k * 90) // 60, (k * 90) % 60)
            slot += 1
            w, l, diff = versus(tour, when, 'group', a, b, game, null_damage=(tour == 6 and slot == 1))
            table[w][0] += 1
            table[w][1] += diff
            table[l][1] -= diff
        order = sorted(teams, key=lambda t: (-table[t][0], -table[t][1], t))
        if playoff == 'sf':
            s1 = versus(tour, days[2] + ' 15:00:00', 'semifinal', order[0], order[3], game)[0]
            s2 = versus(tour, days[2] + ' 18:00:00', 'semifinal', order[1], order[2], game)[0]
            versus(tour, days[3] + ' 17:00:00', 'final', s1, s2, game)
        elif playoff == 'qf':
            q1 = versus(tour, days[2] + ' 15:00:00', 'quarterfinal', order[3], order[4], game)[0]
            q2 = versus(tour, days[2] + ' 18:00:00', 'quarterfinal', order[2], order[5], game)[0]
            s1 = versus(tour, days[3] + ' 15:00:00', 'semifinal', order[0], q1, game)[0]
            s2 = versus(tour, days[3] + ' 18:00:00', 'semifinal', order[1], q2, game)[0]
            versus(tour, days[4] + ' 17:00:00', 'final', s1, s2, game)
        else:  # top two meet in the final
            versus(tour, days[2] + ' 17:00:00', 'final', order[0], order[1], game)

    def ranking_tournament(tour, teams, days):
        for di, day in enumerate(days):
            stage = 'group' if di < 2 else 'final'
            for g in range(2):
                mp = PUBG_MAPS[(di * 2 + g) % 4]
                if tour == 4 and di == 3 and g == 1:
                    mp = None
                m = new_match(tour, '%s %02d:30:00' % (day, 16 + 2 * g), stage, mp, 'ranking')
                noisy = sorted(teams, key=lambda t: -(strength[t] + rng.uniform(0, 0.9)))
                for place, team in enumerate(noisy, 1):
                    tk = 0
                    for i, p in enumerate(roster[team]):
                        k = max(0, int(rng.gauss(1.2 + strength[team] * 1.5 + (8 - place) * 0.25, 1.3)))
                        died = 1 if (place > 1 or rng.random() < 0.5) else 0
                        a_ = rng.randint(0, 3)
                        dmg = int(k * rng.uniform(90, 130) + rng.randint(20, 250))
                        tk += k
                        con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)', (m, p, k, died, a_, dmg))
                    pts = PUBG_POINTS[place - 1] + tk
                    con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, team, place, pts, tk))

    versus_tournament(1, [1, 2, 3, 4, 5, 6], ['2024-08-10', '2024-08-11', '2024-08-24', '2024-08-25'], 'val', 'sf')
    versus_tournament(2, [1, 2, 3, 4, 5, 6], ['2025-03-20', '2025-03-22', '2025-04-05', '2025-04-11', '2025-04-12'], 'val', 'qf')
    ranking_tournament(3, [11, 12, 13, 14, 15, 16, 17, 18], ['2024-11-02', '2024-11-03', '2024-11-16', '2024-11-17'])
    ranking_tournament(4, [11, 12, 13, 14, 15, 16, 18], ['2025-09-06', '2025-09-07', '2025-09-27', '2025-09-28'])
    versus_tournament(5, [7, 8, 9, 10], ['2026-02-07', '2026-02-08', '2026-02-22'], 'r6', 'final')
    versus_tournament(6, [7, 8, 9], ['2026-05-01', '2026-05-02', '2026-05-09'], 'r6', 'final')
    # a showmatch with no stage and no map recorded
    versus(6, '2026-05-09 20:00:00', None, 10, 7, 'r6')
    con.commit()
    for t in ['tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players']:
        print('%-14s %d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    main(sys.argv[1])
