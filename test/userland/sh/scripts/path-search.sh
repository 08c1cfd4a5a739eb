mkdir bin
printf '#!/bin/sh\necho mytool ran\n' > bin/mytool
chmod +x bin/mytool
PATH=$(pwd)/bin:$PATH
mytool
command -v mytool | { read p; echo "${p##*/work/}"; }
