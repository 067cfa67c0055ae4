#!/usr/bin/env python3
"""Build the sql-fresh34 test database: python3 build_db.py OUT.db"""
import os, random, sqlite3, sys

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

R = random.Random(3407)

TOURNAMENTS = [
    (1, 'Lantern Masters 2024', 'Valorant', '2024-03-10', '2024-03-24'),
    (2, '남해 바람컵 2025', 'Valorant', '2025-06-25', '2025-07-06'),
    (3, 'Sandstorm Invitational 2025', 'PUBG', '2025-09-05', '2025-09-07'),
    (4, '한강 배틀로얄 시즌2', 'PUBG', '2026-02-14', '2026-02-15'),
    (5, 'Obsidian Throne 2026', 'Valorant', '2026-04-01', '2026-04-12'),
]

TEAMS = [
    (1, 'Moth Kingdom', 'KR'), (2, '고래상어', 'KR'), (3, 'Velvet Anvil', 'NA'),
    (4, 'Kappa Nova', 'EU'), (5, 'Sakura Drift', 'JP'), (6, 'Jade Lotus', 'CN'),
    (7, 'Tiger.Lily', 'KR'), (8, 'Southern Cross', 'OCE'),
    (9, 'Monsoon.gg', 'SEA'), (10, 'Capivara Rage', 'BR'), (11, '도깨비불', 'KR'),
    (12, '바다', 'KR'), (13, 'Frostbyte', 'EU'), (14, 'Night Owls', None),
    (15, 'Kraken_Nine', 'NA'), (16, 'Red Sparrow', 'EU'),
]
VAL_TEAMS = [1, 2, 3, 4, 5, 6, 7, 8]
PUBG_TEAMS = [9, 10, 11, 12, 13, 14, 15, 16]

NICKS = {
    1: ['moth.eye', '나방왕', 'Lumen_7', 'qwerty0', 'Dusk'],
    2: ['고래밥', 'sharky_99', '상어이빨', 'Fin.K', 'Abyss2'],
    3: ['velour', 'AnvilJr', 'h4mmer', 'Rust.Bucket', 'Pepper'],
    4: ['kappa_k', 'N0va', 'Grisha', 'el.toro', 'Frieda8'],
    5: ['drift_kun', 'Hanami', 'sakuraba.7', 'Kaze', 'Tsuki_0'],
    6: ['LotusFeng', 'jade_22', 'Wuxing', 'Qin.5', 'Mei_Mei'],
    7: ['lily.pad', '호랑이', 'T1gress', 'stripe_3', 'Purr'],
    8: ['Dingo_X', 'crux.au', 'Wombat', 'Billabong9', 'Mate'],
    9: ['monsoon.rain', 'Typhoon_8', 'Sambal', 'Kopi.O', 'Rizal'],
    10: ['capi_br', 'Feijão', 'Rage.01', 'Tatu', 'Saci_9'],
    11: ['도깨비', '불꽃놀이', 'dokkae_b', 'Wisp.3', '방망이'],
    12: ['파도', 'Surf_up', '갈매기', 'Reef.2', '사과'],
    13: ['frost.bite', 'Icicle_4', 'Polar', 'Byte_K', 'Snowman'],
    14: ['hoot_hoot', 'NightOwl.1', 'Insomnia', 'moonlight_', 'Barn'],
    15: ['kraken9', 'Tentacle.9', 'InkJet', 'Squidward_', 'Ahab'],
    16: ['sparrow.red', 'Robin_2', 'Fletch', 'Wren', 'Chirp.x'],
}
VAL_ROLES = ['duelist', 'initiator', 'controller', 'sentinel', 'flex']
PUBG_ROLES = ['IGL', 'fragger', 'support', 'scout', 'fragger']
VAL_MAPS = ['Ascent', 'Bind', 'Haven', 'Lotus', 'Sunset', 'Icebox', 'Split']
PUBG_MAPS = ['Erangel', 'Miramar', 'Taego', 'Vikendi']


def main(out):
    if os.path.exists(out):
        os.remove(out)
    con = sqlite3.connect(out)
    con.executescript(SCHEMA)
    con.executemany('INSERT INTO tournaments VALUES (?,?,?,?,?)', TOURNAMENTS)
    con.executemany('INSERT INTO teams VALUES (?,?,?)', TEAMS)
    roster = {}
    pid = 0
    for tid in sorted(NICKS):
        roles = VAL_ROLES if tid in VAL_TEAMS else PUBG_ROLES
        roster[tid] = []
        for i, nick in enumerate(NICKS[tid]):
            pid += 1
            role = roles[i]
            if nick in ('Pepper', 'Barn', '사과', 'Kaze'):
                role = None
            con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, nick, tid, role))
            roster[tid].append(pid)
    # free agents
    pid += 1
    con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, 'lone_wolf.77', None, 'duelist'))
    pid += 1
    con.execute('INSERT INTO players VALUES (?,?,?,?)', (pid, '떠돌이', None, None))

    mid = [0]
    strength = {1: 8, 2: 7, 3: 6, 4: 6, 5: 5, 6: 5, 7: 7, 8: 3,
                9: 6, 10: 5, 11: 8, 12: 6, 13: 5, 14: 3, 15: 7, 16: 4}

    def versus(tour, when, stage, mp, a, b, null_damage=False):
        mid[0] += 1
        m = mid[0]
        con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (m, tour, when, stage, mp, 'versus'))
        pa = strength[a] / (strength[a] + strength[b])
        win, lose = (a, b) if R.random() < pa else (b, a)
        if R.random() < 0.15:
            ws, ls = 14, 12
        else:
            ws, ls = 13, R.randint(2, 11)
        rounds = ws + ls
        kills = {}
        for t in (win, lose):
            base = rounds * (3.4 if t == win else 2.8)
            ks = [max(0, int(R.gauss(base / 5, 4))) for _ in range(5)]
            kills[t] = ks
        deaths = {}
        for t, o in ((win, lose), (lose, win)):
            tot = sum(kills[o])
            ds = [0] * 5
            for _ in range(tot):
                ds[R.randrange(5)] += 1
            deaths[t] = ds
        for t, pl, sc in ((win, 1, ws), (lose, 2, ls)):
            con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, t, pl, sc, sum(kills[t])))
            for i, p in enumerate(roster[t]):
                k = kills[t][i]
                dmg = None if null_damage else k * 140 + R.randint(600, 2200)
                con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                            (m, p, k, deaths[t][i], R.randint(1, 9), dmg))
        return win, lose

    def ranking(tour, when, stage, mp, teams):
        mid[0] += 1
        m = mid[0]
        con.execute('INSERT INTO matches VALUES (?,?,?,?,?,?)', (m, tour, when, stage, mp, 'ranking'))
        keyed = sorted(teams, key=lambda t: -(strength[t] + R.random() * 6))
        pts = {1: 10, 2: 6, 3: 5, 4: 4, 5: 3, 6: 2, 7: 1, 8: 0}
        for place, t in enumerate(keyed, 1):
            four = R.sample(roster[t], 4)
            ks = [max(0, int(R.gauss(2.2 if place <= 3 else 1.2, 1.5))) for _ in four]
            tk = sum(ks)
            con.execute('INSERT INTO match_teams VALUES (?,?,?,?,?)', (m, t, place, pts[place] + tk, tk))
            for p, k in zip(four, ks):
                d = 0 if (place == 1 and R.random() < 0.6) else 1
                con.execute('INSERT INTO match_players VALUES (?,?,?,?,?,?)',
                            (m, p, k, d, R.randint(0, 3), k * 95 + R.randint(40, 420)))

    # T1 Lantern Masters 2024: two groups, semis, final
    groups = [[1, 2, 3, 4], [5, 6, 7, 8]]
    day = 10
    table = {}
    for g in groups:
        for i in range(4):
            for j in range(i + 1, 4):
                a, b = g[i], g[j]
                w, l = versus(1, '2024-03-%02d 18:00:00' % day, 'group', R.choice(VAL_MAPS), a, b,
                              null_damage=(day == 12))
                table[w] = table.get(w, 0) + 1
                table.setdefault(l, 0)
                day += 1 if R.random() < 0.5 else 0
    tops = []
    for g in groups:
        s = sorted(g, key=lambda t: (-table[t], t))
        tops.append(s[:2])
    s1 = versus(1, '2024-03-22 17:00:00', 'semifinal', 'Haven', tops[0][0], tops[1][1])
    s2 = versus(1, '2024-03-22 20:00:00', 'semifinal', 'Lotus', tops[1][0], tops[0][1])
    versus(1, '2024-03-24 19:00:00', 'final', 'Ascent', s1[0], s2[0])

    # T2 남해 바람컵 2025: quarterfinals (late June) to final (July)
    qf = [(1, 8), (4, 5), (2, 6), (3, 7)]
    winners = []
    for i, (a, b) in enumerate(qf):
        w, _ = versus(2, '2025-06-%02d 16:00:00' % (25 + i), 'quarterfinal', VAL_MAPS[i + 2], a, b)
        winners.append(w)
    sa = versus(2, '2025-07-02 18:00:00', 'semifinal', 'Bind', winners[0], winners[1])
    sb = versus(2, '2025-07-03 18:00:00', 'semifinal', 'Split', winners[2], winners[3])
    versus(2, '2025-07-05 15:00:00', None, None, sa[1], sb[1])  # showmatch for the losers, no stage/map
    versus(2, '2025-07-06 19:00:00', 'final', 'Sunset', sa[0], sb[0])

    # T3 Sandstorm Invitational 2025 (PUBG), 7 squads
    t3 = [9, 10, 11, 12, 13, 14, 15]
    for r in range(6):
        dd = 5 + r // 2
        ranking(3, '2025-09-%02d %02d:00:00' % (dd, 14 + 3 * (r % 2)), 'group' if r < 4 else 'final',
                PUBG_MAPS[r % 4], t3)
    # T4 한강 배틀로얄 시즌2 (PUBG), 6 squads, no stage recorded
    t4 = [9, 10, 11, 12, 13, 15]
    for r in range(5):
        dd = 14 + (r >= 3)
        ranking(4, '2026-02-%02d %02d:30:00' % (dd, 13 + 2 * (r % 3)), None, PUBG_MAPS[(r + 1) % 4], t4)

    # T5 Obsidian Throne 2026: 6-team round robin, semis, final
    g5 = [1, 2, 3, 4, 5, 7]
    table = {t: 0 for t in g5}
    n = 0
    for i in range(6):
        for j in range(i + 1, 6):
            w, _ = versus(5, '2026-04-%02d %02d:00:00' % (1 + n // 2, 15 + 3 * (n % 2)), 'group',
                          VAL_MAPS[n % 7], g5[i], g5[j])
            table[w] += 1
            n += 1
    s = sorted(g5, key=lambda t: (-table[t], t))
    x = versus(5, '2026-04-10 17:00:00', 'semifinal', 'Icebox', s[0], s[3])
    y = versus(5, '2026-04-10 20:00:00', 'semifinal', 'Ascent', s[1], s[2])
    versus(5, '2026-04-12 19:00:00', 'final', 'Lotus', x[0], y[0])

    con.commit()
    for t in ('tournaments', 'teams', 'players', 'matches', 'match_teams', 'match_players'):
        print('%s %d' % (t, con.execute('SELECT COUNT(*) FROM %s' % t).fetchone()[0]))
    con.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        raise SystemExit('usage: python3 build_db.py OUT.db')
    main(sys.argv[1])
