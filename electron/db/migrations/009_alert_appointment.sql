-- 009: an alert handled by booking a talk names the appointment it was booked as, so "appointment
-- booked" is recorded only for a booking that exists for this student.
ALTER TABLE alerts ADD COLUMN appointment_id TEXT REFERENCES appointments (id);
