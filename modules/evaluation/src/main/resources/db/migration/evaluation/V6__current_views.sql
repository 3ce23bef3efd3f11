-- The tree and the members as they are today, as views over the facts ledger (V4), under the names the pages and
-- reports have always read: the tables of V1/V2 are no longer fed (the ledger replaced them) and go. Readers of
-- today's names and codes (results, reports, the cycle's scopes) keep one place to read them; a run reads the year's
-- facts from the ledger itself (internal.facts.YearFactsService).

DROP TABLE IF EXISTS organization_projection;
DROP TABLE IF EXISTS member_projection;
DROP TABLE IF EXISTS role_projection;

CREATE VIEW organization_projection AS
SELECT o.organization_id, o.code,
       (SELECT n.name FROM fact_organization_name n WHERE n.organization_id = o.organization_id
        ORDER BY n.valid_from DESC LIMIT 1) AS name,
       o.kind,
       (SELECT p.parent_id FROM fact_organization_parent p WHERE p.organization_id = o.organization_id
        ORDER BY p.valid_from DESC LIMIT 1) AS parent_id,
       o.established_on AS registered_on, o.dissolved_on
FROM fact_organization o
WHERE o.kind IS NOT NULL;

CREATE VIEW member_projection AS
SELECT f.member_id, ms.organization_id, f.card_number, f.full_name, f.admitted_on, f.confirmed_on,
       f.civil_servant, st.status, st.valid_from AS status_since
FROM fact_member f
JOIN LATERAL (SELECT x.organization_id FROM fact_membership x WHERE x.member_id = f.member_id AND NOT x.cancelled
              ORDER BY x.valid_from DESC, x.admission LIMIT 1) ms ON TRUE
JOIN LATERAL (SELECT s.status, s.valid_from FROM fact_status s WHERE s.member_id = f.member_id AND NOT s.cancelled
              ORDER BY s.valid_from DESC, s.admission LIMIT 1) st ON TRUE
WHERE f.admitted_on IS NOT NULL;
