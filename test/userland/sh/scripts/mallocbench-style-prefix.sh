MALLOC_POLICY=best sh -c 'echo "policy=$MALLOC_POLICY"'
echo "shell: [${MALLOC_POLICY-unset}]"
A=1 B=2 sh -c 'echo $A$B'
