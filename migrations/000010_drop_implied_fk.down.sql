ALTER TABLE worker ADD CONSTRAINT worker_pemda_fkey FOREIGN KEY (pemda) REFERENCES pemda (code);
