/* sys/pagoda.h: Pagoda's own calls, which no other system has. */
#ifndef _SYS_PAGODA_H
#define _SYS_PAGODA_H

/* host_export: hands a copy of the file at `path` to the host, which offers it to the user (the web page
 * downloads it). Returns the file's size, or -1 with errno: ENOTSUP when this host takes no files, EISDIR,
 * EINVAL for a device or a file not in ramfs, EFBIG past 64 MiB, or the path's error. */
long host_export(const char *path);

#endif
