/*
 * A minimal reader built from Zetetic's SQLCipher 4 amalgamation: proves that
 * the archive opens with a standard SQLCipher 4 build and the raw key that the
 * recovery key unlocks. Usage: sqlcipher-read DB HEXKEY SQL
 * Prints each row's columns separated by '|'.
 */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

static int print_row(void *unused, int n, char **values, char **names) {
  (void)unused;
  (void)names;
  for (int i = 0; i < n; i++) printf("%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
  printf("\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s DB HEXKEY SQL\n", argv[0]);
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  char pragma[256];
  snprintf(pragma, sizeof pragma, "PRAGMA key = \"x'%s'\";", argv[2]);
  char *err = NULL;
  if (sqlite3_exec(db, pragma, NULL, NULL, &err) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA cipher_compatibility = 4;", NULL, NULL, &err) != SQLITE_OK ||
      sqlite3_exec(db, argv[3], print_row, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "sql: %s\n", err ? err : sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_close(db);
  return 0;
}
