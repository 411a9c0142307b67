-- The daily sequence of readable case numbers (yyyyMMdd + 5 digits): one row a day, incremented in the transaction
-- that creates the case, so that numbers are unique across application nodes.
CREATE TABLE case_number_counter (
    for_date   DATE PRIMARY KEY,
    last_value INT  NOT NULL
);
