"""A statement's quote is always the article text between its offsets.

The check spans two tables, so a trigger enforces it; it raises check_violation, which Django
reports as IntegrityError like any other constraint.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION factcheck_statement_span_matches() RETURNS trigger AS $$
DECLARE
    body text;
BEGIN
    IF NEW.start < 0 OR NEW."end" <= NEW.start THEN
        RETURN NEW;  -- statement_span_valid reports this one
    END IF;
    SELECT text INTO body FROM factcheck_article WHERE id = NEW.article_id;
    IF NEW."end" > char_length(body)
       OR substr(body, NEW.start + 1, NEW."end" - NEW.start) IS DISTINCT FROM NEW.quote THEN
        RAISE EXCEPTION 'statement % quote does not match article % text at [%, %)',
            NEW.id, NEW.article_id, NEW.start, NEW."end"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'statement_quote_matches_text';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_quote_matches_text
    BEFORE INSERT OR UPDATE OF article_id, start, "end", quote ON factcheck_statement
    FOR EACH ROW EXECUTE FUNCTION factcheck_statement_span_matches();

CREATE FUNCTION factcheck_article_text_keeps_spans() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM factcheck_statement s
        WHERE s.article_id = NEW.id
          AND (s."end" > char_length(NEW.text)
               OR substr(NEW.text, s.start + 1, s."end" - s.start) <> s.quote)
    ) THEN
        RAISE EXCEPTION 'article % text change would break its statements', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'article_text_keeps_statements';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER article_text_keeps_statements
    BEFORE UPDATE OF text ON factcheck_article
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION factcheck_article_text_keeps_spans();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS article_text_keeps_statements ON factcheck_article;
DROP FUNCTION IF EXISTS factcheck_article_text_keeps_spans();
DROP TRIGGER IF EXISTS statement_quote_matches_text ON factcheck_statement;
DROP FUNCTION IF EXISTS factcheck_statement_span_matches();
"""


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
