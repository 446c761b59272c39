-- Benchmark data set: one position with a 10-competency standard, 100,000 employees holding it with an assessment of
-- each competency (dated 2023 to mid-2025, so some have expired under the 3-year rule) and two SKP years, and three open selections of 1,000, 10,000 and 100,000 candidates.
-- A fixed random seed makes every run of the benchmark score the same evidence.
\set ON_ERROR_STOP on
SELECT setseed(0.2026);

INSERT INTO competencies (code, name, category, description)
VALUES ('T-BENCH', 'Benchmark technical competency', 'Technical', NULL)
ON CONFLICT DO NOTHING;

INSERT INTO positions (id, code, title, kind, minimum_grade)
VALUES ('0196b000-0000-7000-8000-00000000b000', 'BENCH-POS', 'Benchmark position', 'Structural', 'III/b');

INSERT INTO competency_requirements (position_id, competency_code, required_level)
SELECT '0196b000-0000-7000-8000-00000000b000', code, 3
FROM competencies WHERE category IN ('Managerial', 'SocioCultural') OR code = 'T-BENCH';

INSERT INTO employees (id, nip, name, grade, unit, current_position_id)
SELECT ('0196b001-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       '19' || lpad(i::text, 16, '0'),
       'Pegawai ' || i,
       (ARRAY['III/a','III/b','III/c','III/d','IV/a','IV/b'])[1 + floor(random() * 6)::int],
       'Unit ' || (i % 50), '0196b000-0000-7000-8000-00000000b000'
FROM generate_series(1, 100000) AS i;

INSERT INTO competency_assessments (id, employee_id, competency_code, level, assessed_on, assessor, recorded_at)
SELECT gen_random_uuid(), e.id, c.competency_code,
       (ARRAY[1,2,2,3,3,3,3,4,4,5])[1 + floor(random() * 10)::int],
       DATE '2023-01-01' + floor(random() * 900)::int,
       'Benchmark assessment centre', now()
FROM employees e CROSS JOIN competency_requirements c
WHERE c.position_id = '0196b000-0000-7000-8000-00000000b000' AND e.nip LIKE '19%' AND e.name LIKE 'Pegawai %';

INSERT INTO performance_ratings (employee_id, year, rating, recorded_at)
SELECT e.id, y, (ARRAY['VeryGood','VeryGood','Good','Good','Good','Good','Good','NeedsImprovement','Poor','VeryPoor'])[1 + floor(random() * 10)::int], now()
FROM employees e CROSS JOIN (VALUES (2024), (2025)) AS years(y)
WHERE e.name LIKE 'Pegawai %';

INSERT INTO selections (id, position_id, kind, places, policy_version, latest_performance_year, reference, status, opened_at,
                        candidate_count, scoring_run_count)
SELECT ('0196b002-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '0196b000-0000-7000-8000-00000000b000', 'Promotion', 1,
       (SELECT max(version) FROM scoring_policies), 2025,
       'BENCH-' || n, 'Open', now(), n, 0
FROM (VALUES (1000), (10000), (100000)) AS sizes(n);

INSERT INTO candidates (id, selection_id, employee_id, number, code, enrolled_at)
SELECT gen_random_uuid(), ('0196b002-0000-7000-8000-' || lpad(to_hex(s.n), 12, '0'))::uuid,
       ('0196b001-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, i, 'C-' || lpad(i::text, 6, '0'), now()
FROM (VALUES (1000), (10000), (100000)) AS s(n) CROSS JOIN LATERAL generate_series(1, s.n) AS i;

-- The opening of each selection and its enrolments, recorded in the audit log as the API would record them (scheme
-- meritapi-entry-v2, src/MeritApi.Domain/Canonical/SPECIFICATION.md §5), so that the decision file of a bench selection
-- verifies offline like one of real data. The API signs its first checkpoint over these at its first command.
DO $$
DECLARE
  previous text := repeat('0', 64);
  seq bigint := 0;
  at timestamptz := date_trunc('second', now());
  at_text text := to_char(date_trunc('second', now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  s record;
  cmd text;
  ids uuid[];
  request text;
  body text;
  bytes text;
  hash text;
BEGIN
  FOR s IN SELECT id, position_id FROM selections WHERE reference LIKE 'BENCH-%' ORDER BY candidate_count LOOP
    FOREACH cmd IN ARRAY ARRAY['OpenSelection', 'EnrolCandidates'] LOOP
      IF cmd = 'OpenSelection' THEN
        ids := ARRAY[s.id, s.position_id];
      ELSE
        SELECT s.id || array_agg(c.id ORDER BY c.number) INTO ids FROM candidates c WHERE c.selection_id = s.id;
      END IF;
      seq := seq + 1;
      request := 'bench-seed-' || seq;
      body := encode(sha256(convert_to(request, 'UTF8')), 'hex');
      bytes := '{"actor":"bench-seed","bodyDigest":"' || body || '","command":"' || cmd || '","occurredAt":"' || at_text
            || '","outcomeDigest":null,"previousHash":"' || previous || '","requestId":"' || request
            || '","role":"system","scheme":"meritapi-entry-v2","sequence":"' || seq || '","touchedIds":['
            || (SELECT string_agg('"' || x::text || '"', ',' ORDER BY o) FROM unnest(ids) WITH ORDINALITY AS u(x, o)) || ']}';
      hash := encode(sha256(convert_to(bytes, 'UTF8')), 'hex');
      INSERT INTO audit_entries (sequence, occurred_at, actor, role, command, touched_ids, request_id, body_digest, outcome_digest,
                                 previous_hash, hash, scheme)
      VALUES (seq, at, 'bench-seed', 'system', cmd, ids, request, body, NULL, previous, hash, 'meritapi-entry-v2');
      previous := hash;
    END LOOP;
  END LOOP;
END $$;

ANALYZE;
