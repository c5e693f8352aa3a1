-- Every flushed batch updates the row of each chatter in it (last seen, message count). Free
-- space in each page lets PostgreSQL update those rows in place (HOT updates: no new index
-- entries), which is most of the cost of a flush when many chatters talk at once.
ALTER TABLE platform_users SET (fillfactor = 70);
