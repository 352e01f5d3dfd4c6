"""Check new statements against their article's text once per INSERT, not once per row.

The row trigger fetched and decompressed the whole article text for every statement, and
substr() walks UTF-8 from the start of the text, so a 2 MB article with 6,500 statements took
90 s to store. Now each INSERT (or COPY) cuts every article it touches into 250-character pieces
once and compares each quote against the few pieces it spans: linear in the text. Edits to one
statement's span keep the row trigger, which is cheap for one row.
"""

from django.db import migrations

FORWARD = r"""
DROP TRIGGER statement_quote_matches_text ON factcheck_statement;

CREATE FUNCTION factcheck_new_statements_match_text() RETURNS trigger AS $$
DECLARE
    art record;
    pieces text[];
    bad record;
BEGIN
    FOR art IN SELECT DISTINCT article_id FROM new_statements LOOP
        SELECT array_agg(m.piece[1] ORDER BY m.n) INTO pieces
        FROM factcheck_article a,
             regexp_matches(a.text, '.{1,250}', 'g') WITH ORDINALITY AS m(piece, n)
        WHERE a.id = art.article_id;
        SELECT s.id, s.start, s."end" INTO bad FROM new_statements s
        WHERE s.article_id = art.article_id AND s.start >= 0 AND s."end" > s.start
          AND (char_length(s.quote) <> s."end" - s.start
               OR substr(array_to_string(pieces[s.start / 250 + 1 : (s."end" - 1) / 250 + 1], ''),
                         s.start % 250 + 1, s."end" - s.start) IS DISTINCT FROM s.quote)
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'statement % quote does not match article % text at [%, %)',
                bad.id, art.article_id, bad.start, bad."end"
                USING ERRCODE = 'check_violation', CONSTRAINT = 'statement_quote_matches_text';
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_quote_matches_text
    AFTER INSERT ON factcheck_statement
    REFERENCING NEW TABLE AS new_statements
    FOR EACH STATEMENT EXECUTE FUNCTION factcheck_new_statements_match_text();

CREATE TRIGGER statement_quote_matches_text_on_edit
    BEFORE UPDATE OF article_id, start, "end", quote ON factcheck_statement
    FOR EACH ROW EXECUTE FUNCTION factcheck_statement_span_matches();
"""

BACKWARD = r"""
DROP TRIGGER statement_quote_matches_text_on_edit ON factcheck_statement;
DROP TRIGGER statement_quote_matches_text ON factcheck_statement;
DROP FUNCTION factcheck_new_statements_match_text();
CREATE TRIGGER statement_quote_matches_text
    BEFORE INSERT OR UPDATE OF article_id, start, "end", quote ON factcheck_statement
    FOR EACH ROW EXECUTE FUNCTION factcheck_statement_span_matches();
"""


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0003_review")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
