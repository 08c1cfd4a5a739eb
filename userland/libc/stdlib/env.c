/* getenv, setenv, unsetenv, putenv, clearenv over environ. The first change copies environ into malloc'd memory. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

static char **owned_env; /* environ, once this file owns the array */

static char **find(const char *name, size_t len) {
  char **e;
  if (!environ) return 0;
  for (e = environ; *e; e++)
    if (strncmp(*e, name, len) == 0 && (*e)[len] == '=') return e;
  return 0;
}

char *getenv(const char *name) {
  size_t len = strlen(name);
  char **e = find(name, len);
  return e ? *e + len + 1 : 0;
}

static int bad_name(const char *name) {
  if (!name || !*name || strchr(name, '=')) {
    errno = EINVAL;
    return 1;
  }
  return 0;
}

/* Makes environ a malloc'd array with room for one more entry. */
static int own_env(size_t count) {
  char **fresh = malloc((count + 2) * sizeof *fresh);
  size_t i;
  if (!fresh) return -1;
  for (i = 0; i < count; i++) fresh[i] = environ[i];
  fresh[count] = 0;
  if (owned_env == environ) free(owned_env);
  environ = owned_env = fresh;
  return 0;
}

int setenv(const char *name, const char *value, int overwrite) {
  size_t len, vlen, count = 0;
  char **e;
  char *entry;
  if (bad_name(name)) return -1;
  len = strlen(name);
  e = find(name, len);
  if (e && !overwrite) return 0;
  vlen = strlen(value);
  entry = malloc(len + vlen + 2);
  if (!entry) return -1;
  memcpy(entry, name, len);
  entry[len] = '=';
  memcpy(entry + len + 1, value, vlen + 1);
  if (e) {
    *e = entry; /* the old string may be the kernel's or the caller's: never freed */
    return 0;
  }
  if (environ)
    while (environ[count]) count++;
  if (own_env(count) < 0) {
    free(entry);
    return -1;
  }
  environ[count] = entry;
  environ[count + 1] = 0;
  return 0;
}

int unsetenv(const char *name) {
  size_t len;
  char **e;
  if (bad_name(name)) return -1;
  len = strlen(name);
  while ((e = find(name, len)) != 0)
    for (; *e; e++) e[0] = e[1];
  return 0;
}

int putenv(char *string) {
  const char *eq = strchr(string, '=');
  size_t len, count = 0;
  char **e;
  if (!eq) return unsetenv(string);
  len = (size_t)(eq - string);
  if (len == 0) {
    errno = EINVAL;
    return -1;
  }
  e = find(string, len);
  if (e) {
    *e = string;
    return 0;
  }
  if (environ)
    while (environ[count]) count++;
  if (own_env(count) < 0) return -1;
  environ[count] = string;
  environ[count + 1] = 0;
  return 0;
}

int clearenv(void) {
  if (owned_env && owned_env == environ) free(owned_env);
  owned_env = 0;
  environ = 0;
  return 0;
}
