printf '#!/bin/sh\necho from-script "$@"\n' > run.sh
chmod +x run.sh
./run.sh a b
