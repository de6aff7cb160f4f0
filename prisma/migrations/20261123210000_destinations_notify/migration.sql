-- The ingest path caches each endpoint with whether it has enabled destinations, so a
-- callback to an endpoint that forwards nowhere costs no queue query. A change to an
-- endpoint's destinations must reach every process's cache like a change to the
-- endpoint itself: the same channel, with the endpoint's key.
CREATE FUNCTION "notify_destination_changed"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('inbox_endpoint_changed', e."key")
  FROM "endpoints" e
  WHERE e."id" IN (COALESCE(NEW."endpoint_id", OLD."endpoint_id"), COALESCE(OLD."endpoint_id", NEW."endpoint_id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER "destinations_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "destinations"
FOR EACH ROW EXECUTE FUNCTION "notify_destination_changed"();
