eval false; echo $?
eval; echo $?
eval 'exit 3' ; echo never
