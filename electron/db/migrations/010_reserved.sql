-- 010: reserved for work merged in parallel; this placeholder keeps the numbering whole until then
-- and is dropped when the real 010 lands.
SELECT 1;
