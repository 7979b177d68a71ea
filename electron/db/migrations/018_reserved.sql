-- 018 is taken by the case-sources change on another branch. This empty step only keeps the
-- numbering without a gap on this branch (migrate refuses a gap); it is to be replaced by that
-- branch's 018 when the two meet. 019 does not depend on it.
SELECT 1;
